import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../services/session';
import InboxPage from './index';

const mockRequest = Taro.request as jest.Mock;

const notice = (id: string, readAt: string | null) => ({ id, ticketId: `T-${id}`, kind: 'manual', note: '请尽快签收', createdAt: '2026-01-01T02:00:00Z', readAt });

describe('handler inbox: 督办单 read state', () => {
  beforeEach(() => {
    saveSession({ accessToken: 'token', user: { id: 'u1', role: 'handler', displayName: '东城街道司法所' } });
    mockRequest.mockReset();
    mockRequest.mockImplementation(({ url, method }: { url: string; method?: string }) => {
      if (url.includes('/supervision-notices') && method === 'POST') return Promise.resolve({ statusCode: 200, data: { ...notice('N1', '2026-01-01T03:00:00Z') } });
      if (url.includes('/supervision-notices')) return Promise.resolve({ statusCode: 200, data: { items: [notice('N1', null), notice('N2', '2026-01-01T03:00:00Z')], unread: 1 } });
      return Promise.resolve({ statusCode: 200, data: { items: [], total: 0 } });
    });
  });

  it('shows 未读/已读 with the unread count; tapping an unread notice marks it read and opens its ticket', async () => {
    const view = render(<InboxPage />);
    await act(async () => undefined);
    const box = view.container.querySelector('#inbox-notices')!;
    expect(box).toHaveTextContent('1条未读');
    const [unread, read] = Array.from(box.querySelectorAll('.notice-item'));
    expect(unread).toHaveTextContent('未读');
    expect(read).toHaveTextContent('已读');

    mockRequest.mockClear();
    await act(async () => fireEvent.click(unread));
    const post = mockRequest.mock.calls.find(([o]) => o.method === 'POST')?.[0];
    expect(post?.url).toMatch(/\/supervision-notices\/N1\/read$/);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: expect.stringContaining('id=T-N1') });

    mockRequest.mockClear();
    await act(async () => fireEvent.click(read));
    expect(mockRequest.mock.calls.some(([o]) => o.method === 'POST')).toBe(false);
  });
});
