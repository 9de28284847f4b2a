import { REPORT_TEXT_MAX, validateReport } from './report-validation';

const valid = { text: '楼上邻居装修噪音很大', contactPhone: '', anonymous: false };

describe('validateReport', () => {
  it.each([
    ['empty text', { text: '   ' }, { text: '请填写反映内容' }],
    ['too short', { text: '吵' }, { text: '请至少填写5个字,说清楚发生了什么' }],
    ['too long', { text: '字'.repeat(REPORT_TEXT_MAX + 1) }, { text: `内容不能超过${REPORT_TEXT_MAX}字` }],
    ['phone too short', { contactPhone: '1380013800' }, { contactPhone: '请输入正确的11位手机号' }],
    ['landline', { contactPhone: '02812345678' }, { contactPhone: '请输入正确的11位手机号' }],
    ['letters', { contactPhone: '1380013800a' }, { contactPhone: '请输入正确的11位手机号' }],
  ])('rejects %s', (_name, patch, expected) => {
    expect(validateReport({ ...valid, ...patch })).toEqual(expected);
  });

  it.each([
    ['no phone', {}],
    ['mobile phone', { contactPhone: '13912345678' }],
    ['exactly the maximum', { text: '字'.repeat(REPORT_TEXT_MAX) }],
    ['anonymous', { anonymous: true }],
  ])('accepts %s', (_name, patch) => {
    expect(validateReport({ ...valid, ...patch })).toEqual({});
  });
});
