import Taro from '@tarojs/taro';

/**
 * Full-screen photo preview. The weapp uses WeChat's own viewer. Taro's H5
 * previewImage pulls in a ~250 KB swiper bundle, which on a weak 3G signal
 * costs the report page seconds; H5 gets a plain overlay instead (tap to
 * close, the current photo only).
 */
export function previewImages(urls: string[], current: string): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.previewImage({ urls, current }).catch(() => undefined);
    return;
  }
  if (typeof document === 'undefined') return;
  const overlay = document.createElement('div');
  overlay.id = 'photo-preview';
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-label', '查看照片,轻触关闭');
  overlay.style.cssText = 'position:fixed;inset:0;z-index:2000;background:rgba(0,0,0,.92);display:flex;align-items:center;justify-content:center;';
  const img = document.createElement('img');
  img.src = current || urls[0] || '';
  img.alt = '照片';
  img.style.cssText = 'max-width:100%;max-height:100%;object-fit:contain;';
  overlay.appendChild(img);
  overlay.addEventListener('click', () => overlay.remove());
  document.body.appendChild(overlay);
}
