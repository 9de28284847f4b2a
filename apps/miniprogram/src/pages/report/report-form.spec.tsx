import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../services/session';
import { ReportForm } from './report-form';

const mockRequest = Taro.request as jest.Mock;

function respond(statusCode: number, data: unknown) {
  return Promise.resolve({ statusCode, data, header: {} });
}
const networkDown = () => Promise.reject(new Error('Failed to fetch'));

function logIn() {
  saveSession({ accessToken: 't', user: { id: 'u1', role: 'resident', displayName: '张三' }, phone: '13800138000' });
}

function setup(defaultPhone = '') {
  const onSubmitted = jest.fn();
  const onLoginRequired = jest.fn();
  const view = render(<ReportForm defaultPhone={defaultPhone} onSubmitted={onSubmitted} onLoginRequired={onLoginRequired} />);
  const text = view.container.querySelector('#report-text') as HTMLTextAreaElement;
  const phone = view.container.querySelector('#report-phone') as HTMLInputElement;
  const anonymous = view.container.querySelector('#report-anonymous') as HTMLInputElement;
  const submit = view.container.querySelector('#report-submit') as HTMLButtonElement;
  return { ...view, text, phone, anonymous, submit, onSubmitted, onLoginRequired };
}

/** The POST /reports calls only (the live triage hint asks /triage too). */
function reportCalls() {
  return mockRequest.mock.calls.filter((c) => c[0].url.endsWith('/reports'));
}
function keysSent(): string[] {
  return reportCalls().map((c) => c[0].header['Idempotency-Key']);
}

describe('ReportForm', () => {
  it('shows the character counter and prefills the known phone', () => {
    const { text, phone } = setup('13800138000');
    expect(phone.value).toBe('13800138000');
    fireEvent.change(text, { target: { value: '楼道里堆满杂物' } });
    expect(screen.getByText('7/2000')).toBeInTheDocument();
  });

  it('keeps a long paste whole: the counter turns red and says how much to cut, nothing is sent', async () => {
    logIn();
    const { text, submit, container } = setup();
    const long = '楼'.repeat(5000);
    fireEvent.change(text, { target: { value: long } });
    expect(text.value).toHaveLength(5000);
    expect(container.querySelector('#report-counter')).toHaveTextContent('5000/2000');
    expect(container.querySelector('#report-counter')).toHaveClass('report-counter--over');
    expect(container.querySelector('#report-text-error')).toHaveTextContent('内容超出3000字');
    await act(async () => fireEvent.click(submit));
    expect(reportCalls()).toHaveLength(0);
  });

  it('asks kindly for more detail when the text is only emoji', async () => {
    logIn();
    const { text, submit, container } = setup();
    fireEvent.change(text, { target: { value: '😡😡😡😡😡😡' } });
    await act(async () => fireEvent.click(submit));
    expect(container.querySelector('#report-text-error')).toHaveTextContent('内容太少了,请再多写几句');
    expect(reportCalls()).toHaveLength(0);
  });

  it('marks an empty text and a bad phone next to the fields without sending', async () => {
    logIn();
    const { phone, submit, container } = setup();
    fireEvent.change(phone, { target: { value: '12345' } });
    await act(async () => fireEvent.click(submit));

    expect(container.querySelector('#report-text-error')).toHaveTextContent('请填写反映内容');
    expect(container.querySelector('#report-phone-error')).toHaveTextContent('请输入正确的11位手机号');
    expect(mockRequest).not.toHaveBeenCalled();
  });

  it('asks to log in instead of sending when nobody is logged in', async () => {
    const { text, submit, onLoginRequired } = setup();
    fireEvent.change(text, { target: { value: '小区路灯坏了一个星期' } });
    await act(async () => fireEvent.click(submit));
    expect(onLoginRequired).toHaveBeenCalled();
    expect(mockRequest).not.toHaveBeenCalled();
  });

  it('shows the server field errors next to the fields', async () => {
    logIn();
    mockRequest.mockImplementation(() =>
      respond(400, { code: 'VALIDATION.FAILED', message: '提交的内容有误', errors: { text: '内容包含无法识别的字符' } }),
    );
    const { text, submit, container, onSubmitted } = setup();
    fireEvent.change(text, { target: { value: '小区路灯坏了一个星期' } });
    await act(async () => fireEvent.click(submit));

    await waitFor(() => expect(container.querySelector('#report-text-error')).toHaveTextContent('内容包含无法识别的字符'));
    expect(onSubmitted).not.toHaveBeenCalled();
  });

  it('sends the draft and hands the created case over', async () => {
    logIn();
    mockRequest.mockImplementation(() => respond(201, { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted' }));
    const { text, phone, anonymous, submit, onSubmitted } = setup();
    fireEvent.change(text, { target: { value: '  公司拖欠三个月工资  ' } });
    fireEvent.change(phone, { target: { value: '13912345678' } });
    fireEvent.click(anonymous);
    await act(async () => fireEvent.click(submit));

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(expect.objectContaining({ caseCode: '261125-4K7QM-8' })));
    expect(mockRequest.mock.calls[0][0].data).toEqual({
      text: '公司拖欠三个月工资',
      channel: 'miniprogram',
      contactPhone: '13912345678',
      anonymous: true,
    });
    expect(keysSent()[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the Idempotency-Key when the user submits again after a network error, and starts a new one after success', async () => {
    jest.useFakeTimers();
    try {
      logIn();
      mockRequest.mockImplementation(networkDown);
      const { text, submit, container, onSubmitted } = setup();
      fireEvent.change(text, { target: { value: '小区门口井盖丢失很危险' } });

      // First tap: the request layer retries three times, all fail.
      await act(async () => {
        fireEvent.click(submit);
        await jest.runAllTimersAsync();
      });
      expect(container.querySelector('#report-error')).toHaveTextContent('提交失败,草稿已保存,可稍后重试');
      expect(submit).toHaveTextContent('重新提交');
      expect(reportCalls()).toHaveLength(4);
      // The draft, key included, is on the device.
      expect(Taro.getStorageSync('zz.reportDraft')).toMatchObject({ text: '小区门口井盖丢失很危险', idempotencyKey: keysSent()[0] });

      // Second tap, network back: same key again.
      mockRequest.mockImplementation(() => respond(200, { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted' }));
      await act(async () => {
        fireEvent.click(submit);
        await jest.runAllTimersAsync();
      });
      expect(onSubmitted).toHaveBeenCalledTimes(1);
      expect(Taro.getStorageSync('zz.reportDraft')).toBe('');
      const keys = keysSent();
      expect(keys).toHaveLength(5);
      expect(new Set(keys).size).toBe(1);

      // The next report is a new draft with a new key.
      fireEvent.change(text, { target: { value: '另一件事:楼道电动车充电' } });
      await act(async () => {
        fireEvent.click(submit);
        await jest.runAllTimersAsync();
      });
      expect(keysSent()[5]).not.toBe(keys[0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says it is retrying while the network is weak, and sends once', async () => {
    logIn();
    let answer: (v: unknown) => void = () => undefined;
    let attempts = 0;
    mockRequest.mockImplementation((o: { url: string }) => {
      if (!o.url.endsWith('/reports')) return respond(404, {});
      attempts += 1;
      return attempts === 1 ? networkDown() : new Promise((resolve) => (answer = resolve));
    });
    const { text, submit, container, onSubmitted } = setup();
    fireEvent.change(text, { target: { value: '小区门口井盖丢失很危险' } });
    await act(async () => fireEvent.click(submit));

    await waitFor(() => expect(container.querySelector('#report-status')).toHaveTextContent('网络不佳,正在重试…'), { timeout: 3000 });
    expect(submit).toBeDisabled();
    await waitFor(() => expect(attempts).toBe(2), { timeout: 3000 });
    await act(async () => answer({ statusCode: 201, data: { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted' }, header: {} }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    expect(container.querySelector('#report-status')).toBeNull();
    expect(new Set(keysSent()).size).toBe(1);
  });

  it('offers a draft left from last time instead of slipping it in, and 继续 resends with its key', async () => {
    logIn();
    Taro.setStorageSync('zz.reportDraft', {
      text: '上次没提交成功的内容',
      contactPhone: '13800138000',
      anonymous: false,
      idempotencyKey: 'saved-key',
    });
    mockRequest.mockImplementation(() => respond(200, { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted' }));
    const { text, submit, container } = setup();
    expect(container.querySelector('#draft-prompt')).toHaveTextContent('继续上次未提交的反映?');
    expect(container.querySelector('#draft-prompt')).toHaveTextContent('上次没提交成功的内容');
    expect(text.value).toBe('');

    await act(async () => fireEvent.click(container.querySelector('#draft-resume')!));
    expect(container.querySelector('#draft-prompt')).toBeNull();
    expect(text.value).toBe('上次没提交成功的内容');
    await act(async () => fireEvent.click(submit));
    expect(keysSent()).toEqual(['saved-key']);
  });

  it('丢弃 forgets the old draft and its key', async () => {
    logIn();
    Taro.setStorageSync('zz.reportDraft', { text: '旧的内容', contactPhone: '', anonymous: false, idempotencyKey: 'old-key' });
    mockRequest.mockImplementation(() => respond(201, { id: 't2', caseCode: '261125-4K7QM-8', status: 'submitted' }));
    const { text, submit, container } = setup();
    await act(async () => fireEvent.click(container.querySelector('#draft-discard')!));
    expect(container.querySelector('#draft-prompt')).toBeNull();
    expect(Taro.getStorageSync('zz.reportDraft')).toBe('');
    fireEvent.change(text, { target: { value: '新的一件事:路灯坏了' } });
    await act(async () => fireEvent.click(submit));
    expect(keysSent()[0]).not.toBe('old-key');
  });

  it('keeps what is typed on the device without waiting for a submit', async () => {
    jest.useFakeTimers();
    try {
      const { text } = setup();
      fireEvent.change(text, { target: { value: '楼上装修噪音很大' } });
      expect(Taro.getStorageSync('zz.reportDraft')).toBe('');
      await act(async () => {
        await jest.advanceTimersByTimeAsync(500);
      });
      expect(Taro.getStorageSync('zz.reportDraft')).toMatchObject({ text: '楼上装修噪音很大' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('inserts a tapped example into the text', () => {
    const { text, container } = setup();
    const example = (label: string) => Array.from(container.querySelectorAll('.report-example')).find((e) => e.textContent === label)!;
    fireEvent.click(example('拖欠工资'));
    expect(text.value).toBe('拖欠工资,');
    fireEvent.change(text, { target: { value: '拖欠工资,老板跑了' } });
    fireEvent.click(example('邻里噪音'));
    expect(text.value).toBe('拖欠工资,老板跑了,邻里噪音,');
  });

  it('sends channel grid_patrol and the patrol for a grid worker, without 匿名', async () => {
    logIn();
    mockRequest.mockImplementation(() => respond(201, { id: 't1', caseCode: 'X', status: 'submitted' }));
    const onSubmitted = jest.fn();
    const view = render(
      <ReportForm defaultPhone='13800138000' resident={false} channel='grid_patrol' patrolId='p1' draftKey='zz.patrolReportDraft' onSubmitted={onSubmitted} onLoginRequired={jest.fn()} />,
    );
    expect(view.container.querySelector('#report-anonymous')).toBeNull();
    expect((view.container.querySelector('#report-phone') as HTMLInputElement).value).toBe('');
    fireEvent.change(view.container.querySelector('#report-text')!, { target: { value: '3号楼消防通道被杂物堵塞' } });
    await act(async () => fireEvent.click(view.container.querySelector('#report-submit')!));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    const reportCall = mockRequest.mock.calls.find((c) => c[0].url.endsWith('/reports'))!;
    expect(reportCall[0].data).toEqual({ text: '3号楼消防通道被杂物堵塞', channel: 'grid_patrol', patrolId: 'p1' });
  });
});
