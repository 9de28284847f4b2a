import { checkRow, rowsFromCsv } from './hotline-rows';

describe('hotline order rows', () => {
  it('accepts a full row and reads China local time', () => {
    const r = checkRow({ orderNo: 'GD-001', text: '噪音扰民', callerPhone: '13800138000', address: '幸福路1号', receivedAt: '2026-03-01 09:30', source: '110' });
    expect(r).toEqual({
      ok: true,
      row: { orderNo: 'GD-001', text: '噪音扰民', callerPhone: '13800138000', address: '幸福路1号', receivedAt: new Date('2026-03-01T01:30:00Z'), source: 'police_110' },
    });
  });

  it.each([
    [{ text: 'x' }, 'orderNo'],
    [{ orderNo: '工单1', text: 'x' }, 'orderNo'],
    [{ orderNo: 'A1' }, 'text'],
    [{ orderNo: 'A1', text: 'x', callerPhone: '12ab' }, 'callerPhone'],
    [{ orderNo: 'A1', text: 'x', receivedAt: 'yesterday' }, 'receivedAt'],
    [{ orderNo: 'A1', text: 'x', source: 'email' }, 'source'],
    [{ orderNo: 'A1', text: { nested: true } }, 'text'],
  ])('refuses %j on %s', (raw, field) => {
    const r = checkRow(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.startsWith(`${field}:`)).toBe(true);
  });

  it('maps Chinese and English CSV headers and names a missing required column', () => {
    expect(rowsFromCsv([['工单编号', '诉求内容', '备注'], ['A1', '漏水', '忽略']])).toEqual([{ orderNo: 'A1', text: '漏水' }]);
    expect(rowsFromCsv([['orderNo', 'Text'], ['A1', '漏水']])).toEqual([{ orderNo: 'A1', text: '漏水' }]);
    expect(() => rowsFromCsv([['工单编号'], ['A1']])).toThrow('诉求内容');
  });
});
