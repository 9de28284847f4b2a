import Taro from '@tarojs/taro';

export const LOOKUP_PATH = '/packages/case/lookup/index';

/** The lookup page with the code filled in (the phone is still needed to see anything). */
export function lookupPath(caseCode: string): string {
  return `${LOOKUP_PATH}?code=${encodeURIComponent(caseCode)}`;
}

export function shareText(caseCode: string, link: string): string {
  return `我在综治中心反映了问题,案件编码:${caseCode}。凭编码和反映人手机号可查询办理进度:${link}`;
}

export type ShareOutcome = 'shared' | 'copied' | 'cancelled';

/**
 * H5: the system share sheet (Web Share API) where the browser has one,
 * otherwise the text with the lookup link goes to the clipboard. The weapp
 * shares through WeChat (button open-type="share" + useShareAppMessage).
 */
export async function shareCaseH5(caseCode: string, nav: Navigator | undefined = typeof navigator !== 'undefined' ? navigator : undefined): Promise<ShareOutcome> {
  const link = typeof location !== 'undefined' ? `${location.origin}${location.pathname}#${lookupPath(caseCode)}` : lookupPath(caseCode);
  const text = shareText(caseCode, link);
  if (nav && typeof nav.share === 'function') {
    try {
      await nav.share({ title: '综治中心案件编码', text, url: link });
      return 'shared';
    } catch (e) {
      if ((e as { name?: string })?.name === 'AbortError') return 'cancelled';
      // Refused (no user gesture, unsupported data): fall back to copying.
    }
  }
  await Taro.setClipboardData({ data: text }).catch(() => undefined);
  return 'copied';
}
