import { BOM, csvField, toCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('简单')).toBe('简单');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"还钱"')).toBe('"他说""还钱"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  it('starts with a BOM, has a header row and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe(`${BOM}a,b\r\n1,"x,y"\r\n`);
  });
});
