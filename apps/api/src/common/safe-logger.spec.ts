import { redact } from './safe-logger';

describe('log redaction', () => {
  it.each([
    ['SMS to 13812345678 failed', 'SMS to 138****5678 failed'],
    ['walk-in 11010519491231002X phone 13812345678', 'walk-in 110***********002X phone 138****5678'],
    ['Authorization: Bearer abc.def-ghi_jkl', 'Authorization: Bearer [redacted]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig_nature-1 leaked', 'token [jwt redacted] leaked'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });
});
