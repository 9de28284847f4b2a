import { isValidPhone } from '@zongzhi/shared';
import type { FieldErrors } from '../../services/request';

export const REPORT_TEXT_MAX = 2000;
export const REPORT_TEXT_MIN = 5;

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
  else if (text.length < REPORT_TEXT_MIN) errors.text = `请至少填写${REPORT_TEXT_MIN}个字,说清楚发生了什么`;
  else if (fields.text.length > REPORT_TEXT_MAX) errors.text = `内容不能超过${REPORT_TEXT_MAX}字`;
  const phone = fields.contactPhone.trim();
  if (phone && !isValidPhone(phone)) errors.contactPhone = '请输入正确的11位手机号';
  return errors;
}
