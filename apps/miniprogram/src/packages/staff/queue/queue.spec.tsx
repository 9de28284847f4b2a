import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../services/session';
import QueuePage from './index';

const mockRequest = Taro.request as jest.Mock;

const ticket = (id: string) => ({
  id,
  caseCode: `260101-${id}`,
  status: 'accepted',
  channel: 'miniprogram',
  text: '邻居在楼道里堆放杂物,影响通行',
  createdAt: '2026-01-01T02:00:00Z',
  photos: [],
  riskLevel: 'low',
  category: 'neighbor',
});

/** Lists answer by URL: the 被退回 query gets one ticket of a server-side total of 27. */
function answerLists() {
  mockRequest.mockImplementation(({ url }: { url: string }) => {
    const returned = url.includes('returned=true');
    return Promise.resolve({
      statusCode: 200,
      data: returned ? { items: [ticket('RET1')], total: 27 } : { items: [ticket('NEW1'), ticket('NEW2')], total: 2 },
    });
  });
}

describe('staff queue: 被退回', () => {
  beforeEach(() => {
    saveSession({ accessToken: 'token', user: { id: 'u1', role: 'dispatcher', displayName: '东城街道综治中心' } });
    answerLists();
  });

  it('asks the server for returned tickets in one request and shows its total', async () => {
    const view = render(<QueuePage />);
    await act(async () => undefined);
    mockRequest.mockClear();

    await act(async () => fireEvent.click(view.container.querySelector('#tab-returned')!));

    // One list call, no per-ticket detail fetches.
    expect(mockRequest).toHaveBeenCalledTimes(1);
    const url = new URL(mockRequest.mock.calls[0][0].url, 'http://x');
    expect(url.pathname).toMatch(/\/tickets$/);
    expect(url.searchParams.get('returned')).toBe('true');
    expect(url.searchParams.get('status')).toBe('accepted');
    const cards = view.container.querySelectorAll('#queue-list .queue-item');
    expect(Array.from(cards).map((c) => c.getAttribute('data-id'))).toEqual(['RET1']);
    expect(cards[0]).toHaveTextContent('部门退回');
    expect(view.container.querySelector('#queue-total')).toHaveTextContent('共 27 件');
  });

  it('leaves the other tabs unfiltered by return', async () => {
    const view = render(<QueuePage />);
    await act(async () => undefined);
    // The header also asks for the duty state (/duty): the first list call is the one to check.
    const first = new URL(mockRequest.mock.calls.find((c) => /\/tickets\b/.test(c[0].url))![0].url, 'http://x');
    expect(first.searchParams.get('status')).toBe('submitted');
    expect(first.searchParams.has('returned')).toBe(false);
    expect(view.container.querySelector('#queue-total')).toHaveTextContent('共 2 件');
  });
});
