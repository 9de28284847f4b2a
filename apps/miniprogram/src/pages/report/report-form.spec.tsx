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

function keysSent(): string[] {
  return mockRequest.mock.calls.map((c) => c[0].header['Idempotency-Key']);
}

describe('ReportForm', () => {
  it('shows the character counter and prefills the known phone', () => {
    const { text, phone } = setup('13800138000');
    expect(phone.value).toBe('13800138000');
    fireEvent.change(text, { target: { value: '楼道里堆满杂物' } });
    expect(screen.getByText('7/2000')).toBeInTheDocument();
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

      // First tap: the request layer retries twice, all fail.
      await act(async () => {
        fireEvent.click(submit);
        await jest.runAllTimersAsync();
      });
      expect(container.querySelector('#report-error')).toHaveTextContent('网络连接失败');
      expect(mockRequest).toHaveBeenCalledTimes(3);

      // Second tap, network back: same key again.
      mockRequest.mockImplementation(() => respond(200, { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted' }));
      await act(async () => {
        fireEvent.click(submit);
        await jest.runAllTimersAsync();
      });
      expect(onSubmitted).toHaveBeenCalledTimes(1);
      const keys = keysSent();
      expect(keys).toHaveLength(4);
      expect(new Set(keys).size).toBe(1);

      // The next report is a new draft with a new key.
      fireEvent.change(text, { target: { value: '另一件事:楼道电动车充电' } });
      await act(async () => {
        fireEvent.click(submit);
        await jest.runAllTimersAsync();
      });
      expect(keysSent()[4]).not.toBe(keys[0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('restores a saved draft and its key after the page was closed', async () => {
    logIn();
    Taro.setStorageSync('zz.reportDraft', {
      text: '上次没提交成功的内容',
      contactPhone: '13800138000',
      anonymous: false,
      idempotencyKey: 'saved-key',
    });
    mockRequest.mockImplementation(() => respond(200, { id: 't1', caseCode: '261125-4K7QM-8', status: 'submitted' }));
    const { text, submit } = setup();
    expect(text.value).toBe('上次没提交成功的内容');
    await act(async () => fireEvent.click(submit));
    expect(keysSent()).toEqual(['saved-key']);
  });
});
