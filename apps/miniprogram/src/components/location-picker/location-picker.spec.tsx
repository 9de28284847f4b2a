import { act, fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { wgs84ToGcj02 } from '@zongzhi/shared';
import { currentPositionH5, type LocationResult } from '../../services/location';
import { EMPTY_LOCATION, LocationPicker, type LocationValue } from './index';

const GRID: [number, number][] = [
  [116.3, 39.86],
  [116.34, 39.86],
  [116.34, 39.88],
  [116.3, 39.88],
];
/** The organisation tree's answer: inside the one grid above, or outside every grid. */
const placeOf = jest.fn(async (lat: number, lng: number) => {
  const inside = lng > 116.3 && lng < 116.34 && lat > 39.86 && lat < 39.88;
  return {
    ok: true as const,
    status: 200,
    data: { inside, description: inside ? '东城街道幸福社区附近' : null, gridName: inside ? '幸福社区第1网格' : null, areas: [{ id: 'g1', name: '幸福社区第1网格', level: 'grid', boundary: GRID }] },
  };
});

function Harness({ locate, seen }: { locate: () => Promise<LocationResult>; seen: (v: LocationValue) => void }) {
  const [value, setValue] = useState<LocationValue>(EMPTY_LOCATION);
  return (
    <LocationPicker
      value={value}
      locate={locate}
      describe={placeOf}
      onChange={(v) => {
        seen(v);
        setValue(v);
      }}
    />
  );
}

function setup(locate: () => Promise<LocationResult>) {
  const seen = jest.fn();
  const view = render(<Harness locate={locate} seen={seen} />);
  const address = () => view.container.querySelector('#location-address input') as HTMLInputElement;
  const useCurrent = () => act(async () => fireEvent.click(view.container.querySelector('#location-use-current')!));
  return { ...view, seen, address, useCurrent };
}

/** A browser geolocation that answers with a WGS-84 fix, or refuses. */
function fakeGeolocation(answer: { lat: number; lng: number } | 'denied'): Geolocation {
  return {
    getCurrentPosition: (ok: PositionCallback, fail?: PositionErrorCallback | null) => {
      if (answer === 'denied') fail?.({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
      else ok({ coords: { latitude: answer.lat, longitude: answer.lng, accuracy: 10 }, timestamp: Date.now() } as GeolocationPosition);
    },
  } as unknown as Geolocation;
}

describe('LocationPicker', () => {
  it('uses the current position and shows it', async () => {
    const { useCurrent, seen, container } = setup(async () => ({ ok: true, location: { lat: 39.90874, lng: 116.39774, address: '' } }));
    await useCurrent();
    expect(seen).toHaveBeenLastCalledWith({ lat: 39.90874, lng: 116.39774, address: '' });
    // Not raw numbers: the place in words (outside the test grid here, so the notice too).
    expect(container.querySelector('#location-point')).toHaveAttribute('data-lat', '39.90874');
    expect(container.querySelector('#location-coords')).not.toHaveTextContent('39.90874');
    expect(container.querySelector('#location-outside')).toHaveTextContent('不在本系统服务的网格范围内');
  });

  it('names the place from the organisation tree and draws it on the grid map', async () => {
    const { useCurrent, container } = setup(async () => ({ ok: true, location: { lat: 39.87, lng: 116.32, address: '' } }));
    await useCurrent();
    expect(container.querySelector('#location-coords')).toHaveTextContent('已定位:东城街道幸福社区附近');
    expect(container.querySelector('#location-outside')).toBeNull();
    expect(container.querySelector('#location-map')).toHaveAttribute('data-points', '1');
  });

  it('keeps a typed address when the position arrives afterwards', async () => {
    const { useCurrent, seen, address } = setup(async () => ({ ok: true, location: { lat: 30, lng: 120, address: '' } }));
    fireEvent.change(address(), { target: { value: '幸福路1号' } });
    await useCurrent();
    expect(seen).toHaveBeenLastCalledWith({ lat: 30, lng: 120, address: '幸福路1号' });
  });

  it('falls back to a typed address when positioning is refused', async () => {
    const { useCurrent, seen, address, container } = setup(() => currentPositionH5(fakeGeolocation('denied')));
    await useCurrent();
    expect(container.querySelector('#location-message')).toHaveTextContent('请允许定位权限,或直接填写地址');
    expect(container.querySelector('#location-coords')).toBeNull();
    fireEvent.change(address(), { target: { value: '和平街道3号楼' } });
    expect(seen).toHaveBeenLastCalledWith({ lat: null, lng: null, address: '和平街道3号楼' });
  });
});

describe('H5 positions are converted WGS-84 → GCJ-02 before use', () => {
  it('converts the browser fix', async () => {
    const r = await currentPositionH5(fakeGeolocation({ lat: 39.907333, lng: 116.3915 }));
    const expected = wgs84ToGcj02({ lat: 39.907333, lng: 116.3915 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.location.lat).toBeCloseTo(expected.lat, 6);
    expect(r.location.lng).toBeCloseTo(expected.lng, 6);
    expect(r.location.lng - 116.3915).toBeGreaterThan(0.005); // really shifted
  });

  it('says so when the browser has no geolocation', async () => {
    await expect(currentPositionH5(undefined)).resolves.toEqual({ ok: false, message: expect.stringContaining('直接填写地址') });
  });
});
