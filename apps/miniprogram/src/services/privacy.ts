import Taro from '@tarojs/taro';

/**
 * WeChat's privacy rules (`__usePrivacyCheck__`): before the first call to a
 * privacy API (location, album, camera) the user must have agreed to the
 * mini-program's privacy guide. `requirePrivacyAuthorize` shows WeChat's own
 * consent sheet when needed. Resolves true when the call may go ahead.
 * H5 has no such flow (the browser asks for each permission itself).
 */
interface PrivacyApi {
  getPrivacySetting?: (o: { success: (r: { needAuthorization: boolean }) => void; fail: () => void }) => void;
  requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void;
}

export async function ensurePrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return true;
  const api = Taro as unknown as PrivacyApi;
  // Base libraries before 2.32.3 have no privacy API and need no consent step.
  if (!api.getPrivacySetting || !api.requirePrivacyAuthorize) return true;
  const needed = await new Promise<boolean>((resolve) =>
    api.getPrivacySetting!({ success: (r) => resolve(r.needAuthorization), fail: () => resolve(false) }),
  );
  if (!needed) return true;
  return new Promise<boolean>((resolve) => api.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) }));
}

/**
 * Our own 隐私保护指引 consent, shown once on first open (both builds) and
 * kept on the device. Bump the version when the guide changes materially:
 * everyone is asked again.
 */
export const PRIVACY_CONSENT_KEY = 'zz.privacyConsent';
export const PRIVACY_VERSION = '2026-11';

export function hasPrivacyConsent(): boolean {
  try {
    const v = Taro.getStorageSync(PRIVACY_CONSENT_KEY) as { version?: string } | '';
    return !!v && typeof v === 'object' && v.version === PRIVACY_VERSION;
  } catch {
    return false;
  }
}

export function recordPrivacyConsent(now = new Date()): void {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, { version: PRIVACY_VERSION, at: now.toISOString() });
}
