import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { TicketAction } from '@zongzhi/shared';
import { ActionPanel } from './index';

const ok = { ok: true as const, status: 200, data: {} };
const targets = [
  { id: 'd1', code: 'justice', name: '东城街道司法所', unitId: 'u' },
  { id: 'd2', code: 'police', name: '东城街道派出所', unitId: 'u' },
];

function setup(allowedActions: TicketAction[], extra: Record<string, unknown> = {}) {
  const onSubmit = jest.fn().mockResolvedValue(ok);
  const utils = render(
    <ActionPanel
      ticket={{ allowedActions, riskLevel: 'medium', dispatchTargets: targets, suggestedDepartmentId: 'd1', ...extra }}
      onSubmit={onSubmit}
      now={() => new Date('2026-03-10T02:00:00Z')}
      renderPhotos={() => <div id='photos-stub' />}
    />,
  );
  return { onSubmit, ...utils };
}

const buttons = (c: HTMLElement) => Array.from(c.querySelectorAll('.action-button')).map((b) => b.id);

describe('ActionPanel', () => {
  it('shows exactly the allowed actions, nothing re-derived', () => {
    const { container, rerender } = setup(['decline', 'accept']);
    expect(buttons(container).sort()).toEqual(['action-accept', 'action-decline']);
    rerender(<ActionPanel ticket={{ allowedActions: ['sign', 'return', 'escalate'] }} onSubmit={jest.fn()} />);
    expect(buttons(container).sort()).toEqual(['action-escalate', 'action-return', 'action-sign']);
    rerender(<ActionPanel ticket={{ allowedActions: [] }} onSubmit={jest.fn()} />);
    expect(buttons(container)).toEqual([]);
    expect(screen.getByText('当前没有需要您办理的操作')).toBeInTheDocument();
  });

  it('enforces a reason and guidance for 不予受理 before sending', async () => {
    const { onSubmit, container } = setup(['accept', 'decline']);
    fireEvent.click(screen.getByText('不予受理'));
    fireEvent.click(container.querySelector('#action-submit')!);
    expect(container.querySelector('#action-error-note')).toHaveTextContent('请填写理由或说明');
    expect(container.querySelector('#action-error-guidance')).toHaveTextContent('请填写给群众的指引');
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(container.querySelector('#action-note')!, { target: { value: '属于诉讼程序' } });
    fireEvent.change(container.querySelector('#action-guidance')!, { target: { value: '请向法院起诉' } });
    fireEvent.click(container.querySelector('#action-submit')!);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('decline', { note: '属于诉讼程序', guidance: '请向法院起诉' }));
  });

  it('prefills 交办 with the routing suggestion, shows the deadlines, sends assisting departments', async () => {
    const { onSubmit, container } = setup(['dispatch']);
    fireEvent.click(container.querySelector('#action-dispatch')!);
    expect(container.querySelector('.dept-option[data-selected="true"]')).toHaveAttribute('data-id', 'd1');
    // medium: sign within 4 h, resolve within 7 days (shown in local time)
    const deadlines = container.querySelector('#dispatch-deadlines')!.textContent!;
    expect(deadlines).toContain('签收期限');
    expect(deadlines).toContain('办结期限');
    fireEvent.click(container.querySelector('#assist-toggle')!);
    fireEvent.click(container.querySelector('.assist-option[data-id="d2"]')!);
    fireEvent.click(container.querySelector('#action-submit')!);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('dispatch', { departmentId: 'd1', departmentIds: ['d2'] }));
  });

  it('requires a department when nothing is suggested', () => {
    const { onSubmit, container } = setup(['dispatch'], { suggestedDepartmentId: null });
    fireEvent.click(container.querySelector('#action-dispatch')!);
    fireEvent.click(container.querySelector('#action-submit')!);
    expect(container.querySelector('#action-error-departmentId')).toHaveTextContent('请选择承办部门');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('requires an outcome for 反馈, and a reason when 未化解', async () => {
    const { onSubmit, container } = setup(['feedback', 'comment']);
    fireEvent.click(container.querySelector('#action-feedback')!);
    expect(container.querySelector('#photos-stub')).toBeInTheDocument();
    fireEvent.click(container.querySelector('#action-submit')!);
    expect(container.querySelector('#action-error-outcome')).toHaveTextContent('请选择办理结果');
    fireEvent.click(container.querySelector('#outcome-unresolved')!);
    fireEvent.click(container.querySelector('#action-submit')!);
    expect(container.querySelector('#action-error-note')).toHaveTextContent('请填写理由或说明');
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector('#outcome-mediated')!);
    fireEvent.click(container.querySelector('#action-submit')!);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('feedback', { outcome: 'mediated' }));
  });

  it('requires method and note for 回访, and shows the server’s field errors', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: false, status: 400, code: 'VALIDATION', message: '输入有误', errors: { note: '说明不能超过2000字' } });
    const { container } = render(<ActionPanel ticket={{ allowedActions: ['return_visit'] }} onSubmit={onSubmit} />);
    fireEvent.click(container.querySelector('#action-return_visit')!);
    fireEvent.click(container.querySelector('#action-submit')!);
    expect(container.querySelector('#action-error-method')).toBeInTheDocument();
    expect(container.querySelector('#action-error-note')).toBeInTheDocument();
    fireEvent.click(container.querySelector('#method-phone')!);
    fireEvent.change(container.querySelector('#action-note')!, { target: { value: '电话回访,群众满意' } });
    fireEvent.click(container.querySelector('#action-submit')!);
    await waitFor(() => expect(container.querySelector('#action-error-note')).toHaveTextContent('说明不能超过2000字'));
    expect(onSubmit).toHaveBeenCalledWith('return_visit', { method: 'phone', note: '电话回访,群众满意' });
  });

  it('says who reads the note; a 补充 stays internal unless shared with the resident', async () => {
    const { onSubmit, container } = setup(['dispatch', 'comment']);
    fireEvent.click(screen.getByText('交办'));
    expect(container.querySelector('#action-note-visibility')).toHaveTextContent('仅工作人员可见');
    fireEvent.click(screen.getByText('补充'));
    fireEvent.change(container.querySelector('#action-note')!, { target: { value: '已电话联系物业' } });
    fireEvent.click(container.querySelector('#action-submit')!);
    await waitFor(() => expect(onSubmit).toHaveBeenLastCalledWith('comment', { note: '已电话联系物业', visibility: 'internal' }));
    fireEvent.click(screen.getByText('补充'));
    fireEvent.change(container.querySelector('#action-note')!, { target: { value: '物业已答应本周清理' } });
    fireEvent.click(container.querySelector('#action-note-public')!);
    fireEvent.click(container.querySelector('#action-submit')!);
    await waitFor(() => expect(onSubmit).toHaveBeenLastCalledWith('comment', { note: '物业已答应本周清理', visibility: 'public' }));
  });
});
