import type { MessageKind } from '@zongzhi/shared';
import { request, type ApiResult } from './request';

export interface Message {
  id: string;
  kind: MessageKind | string;
  title: string;
  body: string;
  ticketId?: string | null;
  read: boolean;
  createdAt: string;
}

export interface MessageList {
  items: Message[];
  unread: number;
}

/**
 * The message box (站内消息). Calls are quiet: a missing route (404, a
 * server not yet updated) or a weak signal reads as "no messages" instead of
 * an error toast on every tab switch.
 */
export function listMessages(): Promise<ApiResult<MessageList>> {
  return request<MessageList>('/messages', { quiet: true });
}

export async function unreadCount(): Promise<number> {
  const r = await request<{ unread: number }>('/messages/unread-count', { quiet: true, redirectOn401: false });
  return r.ok && typeof r.data?.unread === 'number' ? r.data.unread : 0;
}

export function markRead(id: string): Promise<ApiResult<unknown>> {
  return request(`/messages/${encodeURIComponent(id)}/read`, { method: 'POST', data: {}, quiet: true });
}

export function markAllRead(): Promise<ApiResult<unknown>> {
  return request('/messages/read-all', { method: 'POST', data: {}, quiet: true });
}
