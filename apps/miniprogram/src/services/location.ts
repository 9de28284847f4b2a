import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng } from '@zongzhi/shared';
import { ensurePrivacyConsent } from './privacy';

/** A report location, always GCJ-02 (what Chinese maps and the API use). */
export interface PickedLocation extends LatLng {
  address: string;
}

export type LocationResult = { ok: true; location: PickedLocation } | { ok: false; message: string };

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const DENIED = '无法获取位置,请允许定位权限,或直接填写地址';

function fromWgs84(lat: number, lng: number): PickedLocation {
  const g = wgs84ToGcj02({ lat, lng });
  return { lat: round(g.lat), lng: round(g.lng), address: '' };
}

/** The browser's position (WGS-84), converted to GCJ-02 before anyone stores it. */
export function currentPositionH5(geo: Geolocation | undefined = typeof navigator !== 'undefined' ? navigator.geolocation : undefined): Promise<LocationResult> {
  if (!geo) return Promise.resolve({ ok: false, message: '当前浏览器不支持定位,请直接填写地址' });
  return new Promise((resolve) =>
    geo.getCurrentPosition(
      (pos) => resolve({ ok: true, location: fromWgs84(pos.coords.latitude, pos.coords.longitude) }),
      () => resolve({ ok: false, message: DENIED }),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 },
    ),
  );
}

/** Where the user is now: weapp asks WeChat for GCJ-02 directly; H5 converts the browser's WGS-84. */
export async function getCurrentLocation(): Promise<LocationResult> {
  if (process.env.TARO_ENV !== 'weapp') return currentPositionH5();
  if (!(await ensurePrivacyConsent())) return { ok: false, message: '需要同意隐私保护指引后才能定位' };
  try {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
    return { ok: true, location: { lat: round(r.latitude), lng: round(r.longitude), address: '' } };
  } catch {
    return { ok: false, message: DENIED };
  }
}

/** weapp only: pick a place on WeChat's map (GCJ-02, with its address). */
export async function chooseOnMap(): Promise<LocationResult | null> {
  if (!(await ensurePrivacyConsent())) return { ok: false, message: '需要同意隐私保护指引后才能选择位置' };
  try {
    const r = await Taro.chooseLocation({});
    return { ok: true, location: { lat: round(r.latitude), lng: round(r.longitude), address: [r.address, r.name].filter(Boolean).join(' ').slice(0, 200) } };
  } catch {
    return null; // cancelled
  }
}
