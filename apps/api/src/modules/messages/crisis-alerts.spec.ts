import { crisisAudience, crisisTexts } from './crisis-alerts';

const d = (id: string, phone: string | null, onDuty: boolean) => ({ id, phone, onDutySince: onDuty ? new Date() : null });

describe('who hears of a crisis', () => {
  it('tells every dispatcher in the app and texts only those on duty', () => {
    const { inApp, sms } = crisisAudience([d('a', '13900000001', true), d('b', '13900000002', false), d('c', null, false)]);
    expect(inApp.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(sms.map((x) => x.id)).toEqual(['a']);
  });

  it('texts every dispatcher with a phone when nobody is on duty (or the one on duty has no phone)', () => {
    expect(crisisAudience([d('a', '13900000001', false), d('b', null, true), d('c', '13900000003', false)]).sms.map((x) => x.id)).toEqual(['a', 'c']);
  });

  it('never puts the resident’s words in the SMS', () => {
    const { sms, body } = crisisTexts('crisis_report', { caseCode: 'ZZ20261207ABCD' });
    expect(sms).toContain('ZZ20261207ABCD');
    expect(sms).toContain('1小时内受理');
    expect(body).not.toMatch(/\d{11}/);
    expect(crisisTexts('crisis_unaccepted', { caseCode: 'X1' }).sms).toContain('超过1小时未受理');
  });
});
