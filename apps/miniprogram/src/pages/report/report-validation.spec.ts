import { REPORT_TEXT_MAX, TOO_LITTLE_DETAIL, validateReport } from './report-validation';

const valid = { text: '楼上邻居装修噪音很大', contactPhone: '', anonymous: false };

describe('validateReport', () => {
  it.each([
    ['empty text', { text: '   ' }, { text: '请填写反映内容' }],
    ['too short', { text: '吵' }, { text: TOO_LITTLE_DETAIL }],
    ['only emoji', { text: '😡😡😡😡😡😡😡😡' }, { text: TOO_LITTLE_DETAIL }],
    ['emoji and punctuation with a word', { text: '😡!!!吵死了!!!' }, { text: TOO_LITTLE_DETAIL }],
    ['too long, saying by how much', { text: '字'.repeat(5000) }, { text: `内容超出3000字(最多${REPORT_TEXT_MAX}字),请精简后再提交,或分两次反映` }],
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
    ['four words and emoji', { text: '楼道堆物😡😡' }],
  ])('accepts %s', (_name, patch) => {
    expect(validateReport({ ...valid, ...patch })).toEqual({});
  });
});
