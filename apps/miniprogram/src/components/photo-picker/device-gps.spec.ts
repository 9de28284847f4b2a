import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '@zongzhi/shared';
import { EXIF_HEAD_BYTES, readDeviceGps } from './device-gps';

/** APP segment `marker` with `payload`, its length field included. */
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const le16 = (n: number) => [n & 0xff, n >> 8];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

/**
 * The head of a camera JPEG: SOI, APP1 "Exif\0\0" with a little-endian TIFF
 * block (IFD0 holding only the GPS pointer, GPS IFD with tags 1–4), then
 * `padding` bytes standing in for the rest of the file. Seconds in 1/100.
 */
function cameraJpeg([latD, latM, latS]: number[], [lngD, lngM, lngS]: number[], padding = 0, before: number[] = []): Uint8Array<ArrayBuffer> {
  const entry = (tag: number, type: number, count: number, value: number[]) => [...le16(tag), ...le16(type), ...le32(count), ...value, ...Array(4 - value.length).fill(0)];
  const rationals = (d: number, m: number, s: number) => [...le32(d), ...le32(1), ...le32(m), ...le32(1), ...le32(Math.round(s * 100)), ...le32(100)];
  const gpsAt = 8 + 2 + 12 + 4;
  const dataAt = gpsAt + 2 + 4 * 12 + 4;
  const tiff = [
    ...ascii('II'), ...le16(42), ...le32(8),
    ...le16(1), ...entry(0x8825, 4, 1, le32(gpsAt)), ...le32(0),
    ...le16(4),
    ...entry(1, 2, 2, ascii('N\0')),
    ...entry(2, 5, 3, le32(dataAt)),
    ...entry(3, 2, 2, ascii('E\0')),
    ...entry(4, 5, 3, le32(dataAt + 24)),
    ...le32(0),
    ...rationals(latD, latM, latS),
    ...rationals(lngD, lngM, lngS),
  ];
  const head = [0xff, 0xd8, ...before, ...segment(0xe1, [...ascii('Exif\0\0'), ...tiff])];
  const out = new Uint8Array(head.length + padding);
  out.set(head);
  return out;
}

const SHANGHAI = { lat: 31 + 13 / 60 + 27.72 / 3600, lng: 121 + 28 / 60 + 9.72 / 3600 };
const expected = (() => {
  const g = wgs84ToGcj02(SHANGHAI);
  return { lat: Math.round(g.lat * 1e6) / 1e6, lng: Math.round(g.lng * 1e6) / 1e6 };
})();

describe('readDeviceGps', () => {
  describe('H5 (a File)', () => {
    it('reads the EXIF position of a large original, converted to GCJ-02 and rounded like the server', async () => {
      const file = new File([cameraJpeg([31, 13, 27.72], [121, 28, 9.72], 3 * 1024 * 1024)], 'big.jpg', { type: 'image/jpeg' });
      const slice = jest.spyOn(file, 'slice');
      await expect(readDeviceGps(file)).resolves.toEqual(expected);
      expect(slice).toHaveBeenCalledWith(0, EXIF_HEAD_BYTES); // only the head, not 3 MB
      expect(expected.lat).not.toBeCloseTo(SHANGHAI.lat, 4); // (GCJ-02 really is shifted here)
    });

    it('gives null for EXIF beyond the head it reads, for no EXIF, and for PNG', async () => {
      const app2 = segment(0xe2, Array(60_000).fill(7));
      const late = new File([cameraJpeg([31, 13, 27.72], [121, 28, 9.72], 0, [...app2, ...app2, ...app2])], 'late.jpg');
      await expect(readDeviceGps(late)).resolves.toBeNull();
      await expect(readDeviceGps(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'bare.jpg'))).resolves.toBeNull();
      await expect(readDeviceGps(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'a.png'))).resolves.toBeNull();
    });
  });

  describe('weapp (a temp file path)', () => {
    type ReadFileOption = Parameters<ReturnType<typeof Taro.getFileSystemManager>['readFile']>[0];
    const manager = (readFile: (o: ReadFileOption) => void) => {
      (Taro.getFileSystemManager as jest.Mock).mockReturnValueOnce({ readFile });
    };

    it('reads the first 128 KB of the file and its EXIF position', async () => {
      const bytes = cameraJpeg([31, 13, 27.72], [121, 28, 9.72], EXIF_HEAD_BYTES);
      const calls: ReadFileOption[] = [];
      manager((o) => {
        calls.push(o);
        o.success?.({ data: bytes.slice(o.position, o.position! + o.length!).buffer, errMsg: 'readFile:ok' });
      });
      await expect(readDeviceGps({ path: 'wxfile://tmp/big.jpg', size: 4_000_000 })).resolves.toEqual(expected);
      expect(calls).toEqual([expect.objectContaining({ filePath: 'wxfile://tmp/big.jpg', position: 0, length: EXIF_HEAD_BYTES })]);
    });

    it('never asks for more than the file has (readFile fails past the end)', async () => {
      const bytes = cameraJpeg([31, 13, 27.72], [121, 28, 9.72]);
      const calls: ReadFileOption[] = [];
      manager((o) => {
        calls.push(o);
        o.success?.({ data: bytes.slice().buffer, errMsg: 'readFile:ok' });
      });
      await expect(readDeviceGps({ path: 'wxfile://tmp/small.jpg', size: bytes.length })).resolves.toEqual(expected);
      expect(calls[0].length).toBe(bytes.length);
    });

    it('gives null when the file cannot be read, or the file system is missing', async () => {
      manager((o) => o.fail?.({ errMsg: 'readFile:fail permission denied' }));
      await expect(readDeviceGps({ path: 'wxfile://tmp/gone.jpg', size: 5_000_000 })).resolves.toBeNull();
      (Taro.getFileSystemManager as jest.Mock).mockImplementationOnce(() => {
        throw new Error('not supported');
      });
      await expect(readDeviceGps({ path: 'wxfile://tmp/a.jpg', size: 5_000_000 })).resolves.toBeNull();
    });
  });
});
