import { act, fireEvent, render } from '@testing-library/react';
import type { TicketDetail } from '../../services/reports.api';
import { EvaluationForm, UNSATISFIED_EXPLAINED } from './index';

const ticket = (status: TicketDetail['status']): TicketDetail => ({ id: 't1', caseCode: 'X', status, channel: 'miniprogram', text: '', createdAt: '', history: [] });

function setup(result: unknown = { ok: true, status: 200, data: ticket('closed') }) {
  const submit = jest.fn(async () => result);
  const onDone = jest.fn();
  const view = render(<EvaluationForm submit={submit as never} onDone={onDone} />);
  const q = (s: string) => view.container.querySelector(s) as HTMLElement;
  return { ...view, submit, onDone, q };
}

describe('EvaluationForm', () => {
  it('offers 满意 / 基本满意 / 不满意 and asks for a choice first', async () => {
    const { q, submit } = setup();
    expect(q('#eval-satisfied')).toHaveTextContent('满意');
    expect(q('#eval-basically_satisfied')).toHaveTextContent('基本满意');
    expect(q('#eval-unsatisfied')).toHaveTextContent('不满意');
    await act(async () => fireEvent.click(q('#eval-submit')));
    expect(q('#eval-error')).toHaveTextContent('请选择');
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the rating with the comment and hands the updated case back', async () => {
    const { q, submit, onDone } = setup();
    fireEvent.click(q('#eval-basically_satisfied'));
    fireEvent.change(q('#eval-note'), { target: { value: '处理及时' } });
    await act(async () => fireEvent.click(q('#eval-submit')));
    expect(submit).toHaveBeenCalledWith({ satisfaction: 'basically_satisfied', note: '处理及时' });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'closed' }));
  });

  it('explains that 不满意 sends the case back (重办) and needs a reason', async () => {
    const { q, submit, onDone } = setup({ ok: true, status: 200, data: ticket('in_progress') });
    expect(q('#eval-unsatisfied-hint')).toBeNull();
    fireEvent.click(q('#eval-unsatisfied'));
    expect(q('#eval-unsatisfied-hint')).toHaveTextContent(UNSATISFIED_EXPLAINED);
    expect(q('#eval-unsatisfied-hint')).toHaveTextContent('重办');
    await act(async () => fireEvent.click(q('#eval-submit')));
    expect(q('#eval-error')).toHaveTextContent('请写下不满意的原因');
    expect(submit).not.toHaveBeenCalled();
    fireEvent.change(q('#eval-note'), { target: { value: '欠款只追回一半' } });
    await act(async () => fireEvent.click(q('#eval-submit')));
    expect(submit).toHaveBeenCalledWith({ satisfaction: 'unsatisfied', note: '欠款只追回一半' });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'in_progress' }));
  });

  it('shows a refusal and lets the resident try again', async () => {
    const { q, onDone } = setup({ ok: false, status: 409, code: 'TICKET.ILLEGAL_TRANSITION', message: '状态已变化', errors: {} });
    fireEvent.click(q('#eval-satisfied'));
    await act(async () => fireEvent.click(q('#eval-submit')));
    expect(q('#eval-error')).toHaveTextContent('案件状态已变化');
    expect(onDone).not.toHaveBeenCalled();
    expect(q('#eval-submit')).not.toBeDisabled();
  });
});
