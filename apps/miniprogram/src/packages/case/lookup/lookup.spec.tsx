import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CaseLookupPage from './index';
import { generateCaseCode } from '@zongzhi/shared';

const mockRequest = Taro.request as jest.Mock;
// A valid code (check symbol included) and the same code with one typo.
// A real code from the generator, so the spec follows any change of the code's shape.
const VALID = generateCaseCode(new Date('2026-11-25T02:00:00Z'), () => 7);
// One symbol of the random part changed (7 → 8): the check symbol no longer fits.
const TYPO = VALID.slice(0, 8) + '8' + VALID.slice(9);

function setup() {
  const view = render(<CaseLookupPage />);
  const q = (s: string) => view.container.querySelector(s) as HTMLInputElement;
  return { ...view, code: q('#lookup-code'), phone: q('#lookup-phone'), submit: q('#lookup-submit') };
}

describe('case lookup', () => {
  it('rejects a mistyped code before calling the server', async () => {
    const { code, phone, submit, container } = setup();
    fireEvent.change(code, { target: { value: TYPO } });
    fireEvent.change(phone, { target: { value: '13800138000' } });
    await act(async () => fireEvent.click(submit));
    expect(container.querySelector('#lookup-code-error')).toHaveTextContent('案件编码有误,请核对');
    expect(mockRequest).not.toHaveBeenCalled();
  });

  it('sends the canonical code without a token and says when nothing matches', async () => {
    mockRequest.mockImplementation(() => Promise.resolve({ statusCode: 404, data: { code: 'NOT_FOUND', message: 'Not Found' } }));
    const { code, phone, submit, container } = setup();
    // typed in lower case without dashes
    fireEvent.change(code, { target: { value: VALID.replace(/-/g, '').toLowerCase() } });
    fireEvent.change(phone, { target: { value: '13800138000' } });
    await act(async () => fireEvent.click(submit));
    expect(mockRequest.mock.calls[0][0].url).toBe(`/api/v1/reports/lookup?caseCode=${VALID}&phone=13800138000`);
    expect(mockRequest.mock.calls[0][0].header.Authorization).toBeUndefined();
    expect(container.querySelector('#lookup-result')).toHaveTextContent('未找到该案件,请核对案件编码和手机号');
  });

  it('shows the status and the public history', async () => {
    mockRequest.mockImplementation(() =>
      Promise.resolve({
        statusCode: 200,
        data: {
          caseCode: VALID,
          status: 'in_progress',
          createdAt: '2026-11-25T02:00:00Z',
          category: 'labor',
          history: [{ action: 'accept', toStatus: 'accepted', at: '2026-11-25T03:00:00Z', note: '已受理' }],
        },
      }),
    );
    const { code, phone, submit, container } = setup();
    fireEvent.change(code, { target: { value: VALID } });
    fireEvent.change(phone, { target: { value: '13800138000' } });
    await act(async () => fireEvent.click(submit));
    const result = container.querySelector('#lookup-result');
    expect(result).toHaveTextContent('办理中');
    expect(result).toHaveTextContent('劳动争议/欠薪');
    expect(result).toHaveTextContent('受理 · 已受理');
  });
});
