import { decodeText, parseCsv } from './csv-parse';

describe('CSV import parsing', () => {
  it('parses quotes, doubled quotes, commas and line breaks in fields, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFForderNo,text\r\nA1,"楼上漏水, 说""马上修""\n仍未修"\r\nA2,噪音\n\n');
    expect(rows).toEqual([
      ['orderNo', 'text'],
      ['A1', '楼上漏水, 说"马上修"\n仍未修'],
      ['A2', '噪音'],
    ]);
  });

  it('reads UTF-8 as UTF-8 and falls back to GBK for bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from('工单编号', 'utf8'))).toEqual({ text: '工单编号', encoding: 'utf-8' });
    // 工单编号 in GBK
    const gbk = Buffer.from([0xb9, 0xa4, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5]);
    expect(decodeText(gbk)).toEqual({ text: '工单编号', encoding: 'gbk' });
  });
});
