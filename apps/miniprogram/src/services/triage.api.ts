import type { Channel } from '@zongzhi/shared';
import type { Triage } from './reports.api';
import { request, type ApiResult } from './request';

/**
 * What kind of matter a text is and who would handle it (pure on the server:
 * nothing is stored). A background call: no toast, no retries, and a lost
 * session does not pull the resident away from what they are typing.
 */
export function assessText(text: string, channel?: Channel): Promise<ApiResult<Triage>> {
  const data: Record<string, unknown> = { text };
  if (channel) data.channel = channel;
  return request<Triage>('/triage', { method: 'POST', data, quiet: true, redirectOn401: false });
}
