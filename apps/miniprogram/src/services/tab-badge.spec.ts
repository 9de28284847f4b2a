import Taro from '@tarojs/taro';
import { badgeText, MINE_TAB_INDEX, refreshMineBadge } from './tab-badge';
import { saveSession } from './session';

const mockRequest = Taro.request as jest.Mock;
const respond = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });

describe('我的 tab badge', () => {
  beforeEach(() => saveSession({ accessToken: 't', user: { id: 'u1', role: 'resident', displayName: '张三' } }));

  it('shows the unread count on the 我的 tab', async () => {
    mockRequest.mockImplementation(() => respond(200, { unread: 3 }));
    expect(await refreshMineBadge()).toBe(3);
    expect(mockRequest.mock.calls[0][0].url).toBe('/api/v1/messages/unread-count');
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: MINE_TAB_INDEX, text: '3' });
  });

  it('clears the badge at zero, and when the server has no message box yet (404)', async () => {
    mockRequest.mockImplementation(() => respond(404, { code: 'NOT_FOUND', message: 'Cannot GET' }));
    expect(await refreshMineBadge()).toBe(0);
    expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: MINE_TAB_INDEX });
    expect(Taro.setTabBarBadge).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('does not open the login page when the session has expired', async () => {
    mockRequest.mockImplementation(() => respond(401, { code: 'AUTH.REQUIRED', message: 'Unauthorized' }));
    expect(await refreshMineBadge()).toBe(0);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('caps the text at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
