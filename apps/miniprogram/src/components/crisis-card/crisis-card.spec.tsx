import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setRouterParams } from '../../../test/stubs/taro';
import ReportSuccessPage, { nextSteps } from '../../packages/report/success/index';
import { successUrl } from '../../pages/report/index';
import { CrisisCard } from './index';

describe('crisis card (self_harm)', () => {
  it('offers 12356, 110 and 120, each one tap from a call', async () => {
    const view = render(<CrisisCard />);
    const lines = Array.from(view.container.querySelectorAll('.crisis-line'));
    expect(lines.map((l) => l.querySelector('.crisis-number')!.textContent)).toEqual(['12356', '110', '120']);
    await act(async () => fireEvent.click(lines[0]));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12356' });
  });

  it('speaks to staff in staff words', () => {
    const view = render(<CrisisCard audience='staff' />);
    expect(view.container.querySelector('.crisis-title')).toHaveTextContent('可能涉及自伤/自杀风险');
  });

  it('comes first on the success page of a crisis report, before the case code', async () => {
    expect(successUrl({ id: 'i1', caseCode: 'C1', status: 'submitted', urgent: true })).toContain('crisis=1');
    expect(successUrl({ id: 'i1', caseCode: 'C1', status: 'submitted', urgent: false })).not.toContain('crisis=');
    setRouterParams({ caseCode: 'C1', id: 'i1', crisis: '1' });
    const view = render(<ReportSuccessPage />);
    await act(async () => undefined);
    const card = view.container.querySelector('#crisis-card');
    expect(card).not.toBeNull();
    const code = view.container.querySelector('#case-code')!;
    // DOCUMENT_POSITION_FOLLOWING: the case code comes after the card.
    expect(card!.compareDocumentPosition(code) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no crisis card for an ordinary report, and the one-hour promise only for a crisis', async () => {
    setRouterParams({ caseCode: 'C2', id: 'i2' });
    const view = render(<ReportSuccessPage />);
    await act(async () => undefined);
    expect(view.container.querySelector('#crisis-card')).toBeNull();
    const at = new Date('2026-12-07T02:00:00Z');
    expect(nextSteps(at, 'high', true)[0]).toContain('1小时内');
    expect(nextSteps(at, 'low')[0]).toContain('24小时内');
  });
});
