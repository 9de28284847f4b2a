import Taro from '@tarojs/taro';
import type { Role } from '@zongzhi/shared';
import { logout } from './request';

/** Where each staff role lands after logging in (pages/index routes staff here too). */
export const STAFF_PAGES = {
  login: '/packages/staff/login/index',
  queue: '/packages/staff/queue/index',
  inbox: '/packages/staff/inbox/index',
  ticket: '/packages/staff/ticket/index',
  walkIn: '/packages/staff/walkin/index',
  hotline: '/packages/staff/import/index',
  dashboard: '/packages/dashboard/index',
  workerHome: '/packages/worker/home/index',
} as const;

/** The home page of a staff role; null for residents (their home is the tab bar). */
export function staffHomeUrl(role: Role | string | null | undefined): string | null {
  switch (role) {
    case 'dispatcher':
      return STAFF_PAGES.queue;
    case 'handler':
      return STAFF_PAGES.inbox;
    case 'leader':
    case 'admin':
      return STAFF_PAGES.dashboard;
    case 'grid_worker':
      return STAFF_PAGES.workerHome;
    default:
      return null;
  }
}

/** Staff sign out: the session goes and the staff login page comes back. */
export function logOutStaff(): void {
  void logout();
  Taro.redirectTo({ url: STAFF_PAGES.login }).catch(() => undefined);
}
