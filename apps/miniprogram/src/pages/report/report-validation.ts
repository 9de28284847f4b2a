import { isValidPhone } from '@zongzhi/shared';
import type { FieldErrors } from '../../services/request';

export const REPORT_TEXT_MAX = 2000;
export const REPORT_TEXT_MIN = 5;
/** The same rule as the server's: at least four letters or digits (a Chinese character counts). */
export const ENOUGH_DETAIL = /(?:[\p{L}\p{N}][^\p{L}\p{N}]*){4}/u;
export const TOO_LITTLE_DETAIL = '内容太少了,请再多写几句:在什么地方、发生了什么,工作人员才好帮您处理';

export interface ReportDraftFields {
  text: string;
  contactPhone: string;
  anonymous: boolean;
}

/** Client-side checks before sending; the server checks again. */
export function validateReport(fields: ReportDraftFields): FieldErrors {
  const errors: FieldErrors = {};
  const text = fields.text.trim();
  if (!text) errors.text = '请填写反映内容';
  else if (text.length < REPORT_TEXT_MIN || !ENOUGH_DETAIL.test(text)) errors.text = TOO_LITTLE_DETAIL;
  else if (fields.text.length > REPORT_TEXT_MAX) errors.text = overLimit(fields.text.length);
  const phone = fields.contactPhone.trim();
  if (phone && !isValidPhone(phone)) errors.contactPhone = '请输入正确的11位手机号';
  return errors;
}

/** Nothing is cut: a longer text stays as typed, and this says how much to shorten. */
export function overLimit(length: number): string {
  return `内容超出${length - REPORT_TEXT_MAX}字(最多${REPORT_TEXT_MAX}字),请精简后再提交,或分两次反映`;
}
