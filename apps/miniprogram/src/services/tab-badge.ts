import Taro from '@tarojs/taro';
import { unreadCount } from './messages.api';
import { getSession } from './session';

/** The 我的 tab (index 2 in app.config.ts). */
export const MINE_TAB_INDEX = 2;

export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/** Sets or clears the unread badge on the 我的 tab; resolves to the unread count. */
export async function refreshMineBadge(): Promise<number> {
  const session = getSession();
  const unread = session && session.user.role === 'resident' ? await unreadCount() : 0;
  try {
    if (unread > 0) await Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: badgeText(unread) });
    else await Taro.removeTabBarBadge({ index: MINE_TAB_INDEX });
  } catch {
    // Not on a tab page (or no tab bar in this build): nothing to badge.
  }
  return unread;
}
