import { HOTLINE_SOURCES, isOneOf, type HotlineSource } from '@zongzhi/shared';
import { TEXT_MAX } from '../triage/dto';

/** At most this many orders per batch; more is a 413. */
export const MAX_ORDERS = 500;

export interface HotlineRow {
  orderNo: string;
  text: string;
  callerPhone: string | null;
  address: string | null;
  receivedAt: Date | null;
  source: HotlineSource;
}

/** CSV header (English or the hotline system's Chinese) → field. */
export const CSV_HEADERS: Record<string, keyof HotlineRow> = {
  orderno: 'orderNo',
  工单编号: 'orderNo',
  工单号: 'orderNo',
  text: 'text',
  诉求内容: 'text',
  callerphone: 'callerPhone',
  来电号码: 'callerPhone',
  address: 'address',
  地址: 'address',
  receivedat: 'receivedAt',
  受理时间: 'receivedAt',
  source: 'source',
  来源: 'source',
};

const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/;
/** A mobile, or a landline with or without its area code. */
const CALLER_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;

/** '12345', '12345热线', 'hotline_12345' → hotline_12345; '110', '110非警务警情' → police_110. */
function sourceOf(v: unknown): HotlineSource | null {
  if (v === undefined || v === null || v === '') return 'hotline_12345';
  if (isOneOf(HOTLINE_SOURCES, v)) return v;
  const s = String(v);
  if (s.includes('12345')) return 'hotline_12345';
  if (s.includes('110')) return 'police_110';
  return null;
}

/** "2026-03-01 09:30" (China time, as the hotline exports it) or an ISO instant with its zone. */
function timeOf(v: string): Date | null {
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const at = new Date(Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +s));
    return Number.isNaN(at.getTime()) ? null : at;
  }
  if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(v)) return null;
  const at = new Date(v);
  return Number.isNaN(at.getTime()) ? null : at;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v === undefined || v === null ? '' : null);

/** Checks one order; the reason names the field (in Chinese) when it is refused. */
export function checkRow(raw: unknown): { ok: true; row: HotlineRow } | { ok: false; orderNo: string; reason: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, orderNo: '', reason: '工单格式有误' };
  const r = raw as Record<string, unknown>;
  const orderNo = str(r.orderNo);
  const shownNo = typeof orderNo === 'string' ? orderNo.slice(0, 64) : '';
  const bad = (reason: string) => ({ ok: false as const, orderNo: shownNo, reason });
  if (!orderNo) return bad('orderNo: 缺少工单编号');
  if (!ORDER_NO.test(orderNo)) return bad('orderNo: 工单编号只能含字母、数字、- 和 _,不超过64位');
  const text = str(r.text);
  if (!text) return bad('text: 缺少诉求内容');
  if (text.length > TEXT_MAX) return bad(`text: 诉求内容不能超过${TEXT_MAX}字`);
  const phone = str(r.callerPhone);
  if (phone === null || (phone && !CALLER_PHONE.test(phone))) return bad('callerPhone: 来电号码格式不正确');
  const address = str(r.address);
  if (address === null || address.length > 200) return bad('address: 地址不能超过200字');
  const received = str(r.receivedAt);
  const receivedAt = received ? timeOf(received) : null;
  if (received === null || (received && !receivedAt)) return bad('receivedAt: 受理时间格式有误 (如 2026-03-01 09:30)');
  const source = sourceOf(r.source);
  if (!source) return bad('source: 来源须为 hotline_12345 或 police_110');
  return { ok: true, row: { orderNo, text, callerPhone: phone || null, address: address || null, receivedAt, source } };
}

/** CSV rows (header first) → order objects keyed by field; unknown columns are ignored. Throws the missing column's name. */
export function rowsFromCsv(table: string[][]): Record<string, string>[] {
  const [header, ...rows] = table;
  if (!header) return [];
  const fields = header.map((h) => CSV_HEADERS[h.trim().toLowerCase()] ?? CSV_HEADERS[h.trim()]);
  for (const [need, label] of [['orderNo', '工单编号/orderNo'], ['text', '诉求内容/text']] as const) {
    if (!fields.includes(need)) throw new Error(label);
  }
  return rows.map((cells) => {
    const o: Record<string, string> = {};
    fields.forEach((f, i) => {
      if (f && cells[i] !== undefined) o[f] = cells[i];
    });
    return o;
  });
}
