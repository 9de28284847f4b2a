/**
 * Coordinate systems for locations in China. GPS chips, EXIF and browser
 * geolocation give WGS-84; Chinese maps (WeChat, AMap, Tencent) draw and
 * expect GCJ-02, a deliberately shifted datum. Reports store GCJ-02, so every
 * WGS-84 position is converted once, here, before it is stored or shown.
 *
 * The forward conversion is the published GCJ-02 formula (Krasovsky ellipsoid
 * with the standard polynomial offset). Outside mainland China the datums
 * coincide and positions pass through unchanged.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

const A = 6378245.0; // Krasovsky 1940 semi-major axis
const EE = 0.006693421622965943; // its first eccentricity squared

/** The rough bounding box the GCJ-02 shift applies to (mainland China and neighbours). */
export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

function delta({ lat, lng }: LatLng): LatLng {
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: dLat, lng: dLng };
}

/** WGS-84 (GPS, EXIF, browser) → GCJ-02 (Chinese maps). Unchanged outside China. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const d = delta(p);
  return { lat: p.lat + d.lat, lng: p.lng + d.lng };
}

/**
 * GCJ-02 → WGS-84 by fixed-point iteration of the forward formula; converges
 * to well under a centimetre in a few steps. Unchanged outside China.
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  let guess = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 10; i++) {
    const fwd = wgs84ToGcj02(guess);
    const errLat = fwd.lat - p.lat;
    const errLng = fwd.lng - p.lng;
    guess = { lat: guess.lat - errLat, lng: guess.lng - errLng };
    if (Math.abs(errLat) < 1e-10 && Math.abs(errLng) < 1e-10) break;
  }
  return guess;
}

/** True for a finite latitude/longitude pair within the earth's ranges. */
export function isValidLatLng(p: { lat?: unknown; lng?: unknown } | null | undefined): p is LatLng {
  return (
    !!p &&
    typeof p.lat === 'number' &&
    typeof p.lng === 'number' &&
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lng) &&
    p.lat >= -90 &&
    p.lat <= 90 &&
    p.lng >= -180 &&
    p.lng <= 180
  );
}
