import fc from 'fast-check';
import { gcj02ToWgs84, isValidLatLng, outOfChina, wgs84ToGcj02 } from './geo';

describe('WGS-84 → GCJ-02', () => {
  // Reference pairs published with the widely used eviltransform implementation.
  it.each([
    ['Shanghai', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    ['Shenzhen', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    ['Beijing', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ])('matches the reference for %s', (_city, lat, lng, gLat, gLng) => {
    const g = wgs84ToGcj02({ lat, lng });
    expect(g.lat).toBeCloseTo(gLat, 9);
    expect(g.lng).toBeCloseTo(gLng, 9);
  });

  it('shifts positions inside China by a few hundred metres, never more than ~1 km', () => {
    fc.assert(
      fc.property(fc.double({ min: 18, max: 53, noNaN: true }), fc.double({ min: 74, max: 134, noNaN: true }), (lat, lng) => {
        const g = wgs84ToGcj02({ lat, lng });
        const dist = Math.hypot(g.lat - lat, (g.lng - lng) * Math.cos((lat * Math.PI) / 180)) * 111_320;
        return dist > 10 && dist < 1200;
      }),
    );
  });

  it('leaves positions outside China untouched', () => {
    expect(outOfChina({ lat: 51.5, lng: -0.12 })).toBe(true);
    expect(wgs84ToGcj02({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lng: -0.12 });
    expect(wgs84ToGcj02({ lat: -33.86, lng: 151.2 })).toEqual({ lat: -33.86, lng: 151.2 });
    expect(outOfChina({ lat: 39.9, lng: 116.4 })).toBe(false);
  });

  it('inverts: GCJ-02 → WGS-84 → GCJ-02 round-trips to under a millimetre', () => {
    fc.assert(
      fc.property(fc.double({ min: 18, max: 53, noNaN: true }), fc.double({ min: 74, max: 134, noNaN: true }), (lat, lng) => {
        const w = gcj02ToWgs84(wgs84ToGcj02({ lat, lng }));
        return Math.abs(w.lat - lat) < 1e-8 && Math.abs(w.lng - lng) < 1e-8;
      }),
    );
  });

  it('validates coordinate pairs', () => {
    expect(isValidLatLng({ lat: 39.9, lng: 116.4 })).toBe(true);
    expect(isValidLatLng({ lat: 91, lng: 0 })).toBe(false);
    expect(isValidLatLng({ lat: 0, lng: -180.5 })).toBe(false);
    expect(isValidLatLng({ lat: Number.NaN, lng: 0 })).toBe(false);
    expect(isValidLatLng({ lat: '39.9', lng: 116.4 })).toBe(false);
    expect(isValidLatLng(null)).toBe(false);
  });
});
