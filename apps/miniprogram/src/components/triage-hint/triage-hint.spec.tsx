import { act, render } from '@testing-library/react';
import type { Triage } from '../../services/reports.api';
import type { ApiResult } from '../../services/request';
import { TriageHint } from './index';
import { useTriageHint } from './use-triage-hint';

const LABOR: Triage = { category: 'labor', riskLevel: 'medium', department: 'hrss', tier: 'street', reasons: ['拖欠工资'], confidence: 0.9 };
const ok = (data: Triage): ApiResult<Triage> => ({ ok: true, status: 200, data });
const fail: ApiResult<Triage> = { ok: false, status: 0, code: 'NETWORK.ERROR', message: '网络连接失败', errors: {} };

function Harness({ text, assess, enabled = true }: { text: string; assess: jest.Mock; enabled?: boolean }) {
  const hint = useTriageHint(text, { assess, enabled });
  return <TriageHint triage={hint} />;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('live triage hint', () => {
  it('asks once, 600 ms after the last keystroke, and shows the category and who will handle it', async () => {
    const assess = jest.fn(async () => ok(LABOR));
    const view = render(<Harness text='老板拖欠' assess={assess} />);
    // Typing on: each keystroke restarts the wait.
    for (const t of ['老板拖欠我们', '老板拖欠我们工资三', '老板拖欠我们工资三个月了']) {
      view.rerender(<Harness text={t} assess={assess} />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(300);
      });
    }
    expect(assess).not.toHaveBeenCalled();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(300);
    });
    expect(assess).toHaveBeenCalledTimes(1);
    expect(assess).toHaveBeenCalledWith('老板拖欠我们工资三个月了', undefined);
    expect(view.container.querySelector('#triage-hint')).toHaveTextContent('初步判断:劳动争议/欠薪,将由劳动保障监察处理');
  });

  it('waits for at least 8 characters', async () => {
    const assess = jest.fn(async () => ok(LABOR));
    render(<Harness text='拖欠工资了' assess={assess} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(assess).not.toHaveBeenCalled();
  });

  it('ignores a failure silently and keeps the last good hint', async () => {
    const assess = jest.fn(async () => ok(LABOR));
    const view = render(<Harness text='老板拖欠我们工资三个月了' assess={assess} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(700);
    });
    assess.mockImplementation(async () => fail);
    view.rerender(<Harness text='老板拖欠我们工资三个月了,还打人' assess={assess} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(700);
    });
    expect(assess).toHaveBeenCalledTimes(2);
    expect(view.container.querySelector('#triage-hint')).toHaveTextContent('劳动保障监察');
    assess.mockImplementation(async () => {
      throw new Error('boom');
    });
    view.rerender(<Harness text='老板拖欠我们工资三个月了,还打人了' assess={assess} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(700);
    });
    expect(view.container.querySelector('#triage-hint')).toHaveTextContent('劳动保障监察');
  });

  it('drops a late answer to older text', async () => {
    let first: (r: ApiResult<Triage>) => void = () => undefined;
    const assess = jest
      .fn()
      .mockImplementationOnce(() => new Promise((resolve) => (first = resolve)))
      .mockImplementationOnce(async () => ok({ ...LABOR, category: 'neighbor', department: 'justice' }));
    const view = render(<Harness text='老板拖欠我们工资三个月了' assess={assess} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(700);
    });
    view.rerender(<Harness text='其实是楼上邻居每天夜里噪音扰民' assess={assess} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(700);
    });
    await act(async () => first(ok(LABOR)));
    expect(view.container.querySelector('#triage-hint')).toHaveTextContent('邻里纠纷');
  });

  it('asks nothing when disabled (not logged in)', async () => {
    const assess = jest.fn(async () => ok(LABOR));
    render(<Harness text='老板拖欠我们工资三个月了' assess={assess} enabled={false} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(assess).not.toHaveBeenCalled();
  });
});
