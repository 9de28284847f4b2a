import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';

/**
 * 大字模式: one switch in 我的, kept on the device. Every font size in our
 * CSS is `calc(<size> * var(--zz-scale, 1))`; the class `zz-large` sets the
 * scale. Each page puts the class on its root view (works in the weapp,
 * where there is no shared root element); in H5 it also goes on <html> so
 * the tab bar grows too.
 */
export const LARGE_TEXT_KEY = 'zz.largeText';
export const LARGE_TEXT_CLASS = 'zz-large';

export function isLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true;
  } catch {
    return false;
  }
}

export function applyLargeTextH5(on: boolean = isLargeText()): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.classList.toggle(LARGE_TEXT_CLASS, on);
}

export function setLargeText(on: boolean): void {
  try {
    Taro.setStorageSync(LARGE_TEXT_KEY, on);
  } catch {
    /* storage unavailable: the switch still applies for this visit */
  }
  applyLargeTextH5(on);
}

/** The root class of a page: 'page' plus 'zz-large' when 大字模式 is on; re-read each time the page shows. */
export function usePageClass(extra = ''): string {
  const [large, setLarge] = useState(isLargeText);
  useDidShow(() => setLarge(isLargeText()));
  return ['page', extra, large ? LARGE_TEXT_CLASS : ''].filter(Boolean).join(' ');
}
