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

  it('shows the road like a parcel tracker: steps done, current, next, and what happened newest first', async () => {
    mockRequest.mockImplementation(() =>
      Promise.resolve({
        statusCode: 200,
        data: {
          caseCode: VALID,
          status: 'dispatched',
          createdAt: '2026-11-25T02:00:00Z',
          history: [],
          progress: {
            summary: '已转交区人社局办理,预计12月11日前答复',
            responsible: '区人社局',
            expectedBy: '2026-12-11T02:00:00Z',
            steps: ['提交', '受理', '交办', '办理', '答复', '评价'].map((label, i) => ({
              key: `s${i}`,
              label,
              state: i < 3 ? 'done' : i === 3 ? 'current' : 'todo',
              at: null,
            })),
            events: [
              { step: 'dispatch', text: '已转交区人社局办理,预计12月11日前答复', note: null, photos: [], at: '2026-11-25T04:00:00Z' },
              { step: 'accept', text: '东城街道综治中心已受理', note: null, photos: [], at: '2026-11-25T03:00:00Z' },
            ],
          },
        },
      }),
    );
    const { code, phone, submit, container } = setup();
    fireEvent.change(code, { target: { value: VALID } });
    fireEvent.change(phone, { target: { value: '13800138000' } });
    await act(async () => fireEvent.click(submit));
    expect(container.querySelector('#progress-summary')).toHaveTextContent('已转交区人社局办理,预计12月11日前答复');
    const states = Array.from(container.querySelectorAll('.progress-step')).map((e) => `${e.textContent?.replace(/[✓0-9]/g, '')}:${e.getAttribute('data-state')}`);
    expect(states).toEqual(['提交:done', '受理:done', '交办:done', '办理:current', '答复:todo', '评价:todo']);
    const events = Array.from(container.querySelectorAll('.progress-event-text')).map((e) => e.textContent);
    expect(events).toEqual(['已转交区人社局办理,预计12月11日前答复', '东城街道综治中心已受理']);
    expect(container.querySelector('#lookup-result')?.textContent).not.toMatch(/已交办|销号|正常/);
  });
});
