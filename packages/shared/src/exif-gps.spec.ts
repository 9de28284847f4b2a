import fc from 'fast-check';
import { readExifGps } from './exif-gps';

// ---- EXIF built by hand: JPEG segments around a TIFF block with IFD0 → GPS IFD ----

type Rational = [number, number];
interface GpsFields {
  latRef?: string;
  lat?: Rational[];
  lngRef?: string;
  lng?: Rational[];
}

const dms = (deg: number, min: number, sec: number): Rational[] => [
  [deg, 1],
  [min, 1],
  [Math.round(sec * 100), 100],
];

/** Decimal degrees as a camera writes them: whole degrees, whole minutes, seconds to 1/1000. */
const toDms = (v: number): Rational[] => {
  const deg = Math.floor(v);
  const min = Math.floor((v - deg) * 60);
  return [
    [deg, 1],
    [min, 1],
    [Math.round(((v - deg) * 60 - min) * 60 * 1000), 1000],
  ];
};

/** Where things sit in the TIFF block `tiff()` builds (offsets from the TIFF header). */
const LAYOUT = {
  ifd0: 8,
  gpsPointerValue: 8 + 2 + 12 + 8, // IFD0's second entry (0x8825), its value field
  gps: 38,
  latValue: 38 + 2 + 2 * 12 + 8, // GPS entry 2 (Latitude), its value field (an offset)
  data: 104,
  size: 152,
};

/** A TIFF block: IFD0 (Orientation, GPS pointer) and a GPS IFD (version, tags 1–4), in either byte order. */
function tiff(le: boolean, gps: GpsFields = {}): Uint8Array {
  const { latRef = 'N', lat = dms(39, 54, 26.4), lngRef = 'E', lng = dms(116, 23, 29.4) } = gps;
  const b = new Uint8Array(LAYOUT.size);
  const v = new DataView(b.buffer);
  const u16 = (at: number, x: number) => v.setUint16(at, x, le);
  const u32 = (at: number, x: number) => v.setUint32(at, x, le);
  const entry = (at: number, tag: number, type: number, count: number, value: (at: number) => void) => {
    u16(at, tag);
    u16(at + 2, type);
    u32(at + 4, count);
    value(at + 8);
  };
  const ascii = (s: string) => (at: number) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
  const rationals = (at: number, rs: Rational[]) =>
    rs.forEach(([n, d], i) => {
      u32(at + i * 8, n);
      u32(at + i * 8 + 4, d);
    });

  b.set(le ? [0x49, 0x49] : [0x4d, 0x4d], 0);
  u16(2, 42);
  u32(4, LAYOUT.ifd0);
  // IFD0: two entries, then a zero "next IFD"
  u16(8, 2);
  entry(10, 0x0112, 3, 1, (at) => u16(at, 1));
  entry(22, 0x8825, 4, 1, (at) => u32(at, LAYOUT.gps));
  // GPS IFD: five entries, then a zero "next IFD"; the rationals after it
  u16(38, 5);
  entry(40, 0x0000, 1, 4, (at) => b.set([2, 3, 0, 0], at));
  entry(52, 0x0001, 2, 2, ascii(latRef));
  entry(64, 0x0002, 5, 3, (at) => u32(at, LAYOUT.data));
  entry(76, 0x0003, 2, 2, ascii(lngRef));
  entry(88, 0x0004, 5, 3, (at) => u32(at, LAYOUT.data + 24));
  rationals(LAYOUT.data, lat);
  rationals(LAYOUT.data + 24, lng);
  return b;
}

const segment = (marker: number, payload: Uint8Array | number[]) => {
  const body = Uint8Array.from(payload);
  return Uint8Array.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
};
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

const SOI = Uint8Array.from([0xff, 0xd8]);
const JFIF = segment(0xe0, [...text('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const XMP = segment(0xe1, text('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'));
const exifSegment = (t: Uint8Array) => segment(0xe1, [...text('Exif\0\0'), ...t]);
const SCAN = concat(segment(0xda, [1, 1, 0, 0, 0x3f, 0]), Uint8Array.from([0x12, 0x34, 0x56, 0xff, 0x00, 0x78]), Uint8Array.from([0xff, 0xd9]));

/** SOI, JFIF, optional extra segments, the Exif APP1, a scan and EOI: what a camera file starts like. */
const jpeg = (t: Uint8Array, ...before: Uint8Array[]) => concat(SOI, JFIF, ...before, exifSegment(t), SCAN);

/** Where the TIFF block starts inside `jpeg(t)` (SOI, JFIF, APP1 marker+length, "Exif\0\0"). */
const TIFF_AT = SOI.length + JFIF.length + 4 + 6;

/** `tiff(le)` with one value overwritten, in the block's own byte order. */
function patched(le: boolean, at: number, value: number, size: 2 | 4 = 4, gps?: GpsFields): Uint8Array {
  const t = tiff(le, gps);
  const v = new DataView(t.buffer);
  if (size === 2) v.setUint16(at, value, le);
  else v.setUint32(at, value, le);
  return t;
}

const BEIJING = { lat: 39 + 54 / 60 + 26.4 / 3600, lng: 116 + 23 / 60 + 29.4 / 3600 };

const expectNear = (p: { lat: number; lng: number } | null, q: { lat: number; lng: number }, digits = 9) => {
  expect(p).not.toBeNull();
  expect(p!.lat).toBeCloseTo(q.lat, digits);
  expect(p!.lng).toBeCloseTo(q.lng, digits);
};

describe('readExifGps', () => {
  describe.each([
    ['little-endian (II)', true],
    ['big-endian (MM)', false],
  ])('%s', (_name, le) => {
    it('reads the position as WGS-84 decimal degrees', () => {
      expectNear(readExifGps(jpeg(tiff(le))), BEIJING);
    });

    it('makes southern latitudes and western longitudes negative', () => {
      expectNear(readExifGps(jpeg(tiff(le, { latRef: 'S', lat: dms(33, 52, 4), lngRef: 'E', lng: dms(151, 12, 36) }))), {
        lat: -(33 + 52 / 60 + 4 / 3600),
        lng: 151 + 12 / 60 + 36 / 3600,
      });
      expectNear(readExifGps(jpeg(tiff(le, { latRef: 'N', lat: dms(40, 42, 46), lngRef: 'W', lng: dms(74, 0, 21) }))), {
        lat: 40 + 42 / 60 + 46 / 3600,
        lng: -(74 + 21 / 3600),
      });
    });

    it('reads back any position a camera could write', () => {
      fc.assert(
        fc.property(fc.double({ min: 0.001, max: 89.999, noNaN: true }), fc.double({ min: 0.001, max: 179.999, noNaN: true }), fc.boolean(), fc.boolean(), (lat, lng, south, west) => {
          const got = readExifGps(jpeg(tiff(le, { latRef: south ? 'S' : 'N', lat: toDms(lat), lngRef: west ? 'W' : 'E', lng: toDms(lng) })));
          return !!got && Math.abs(got.lat - (south ? -lat : lat)) < 1e-6 && Math.abs(got.lng - (west ? -lng : lng)) < 1e-6;
        }),
      );
    });

    it('is null for every cut short of the GPS values, and right (or null) for every longer cut', () => {
      const full = jpeg(tiff(le));
      const lastGpsByte = TIFF_AT + LAYOUT.size; // the longitude rationals end the block
      for (let n = 0; n <= full.length; n++) {
        const got = readExifGps(full.subarray(0, n));
        if (n < lastGpsByte) expect(got).toBeNull();
        else expectNear(got, BEIJING);
      }
    });

    it.each([
      ['IFD0 offset past the end', 4, 0xfffffff0],
      ['IFD0 offset just past the end', 4, LAYOUT.size - 1],
      ['GPS IFD offset past the end', LAYOUT.gpsPointerValue, 0x7fffffff],
      ['GPS IFD offset pointing at the rationals tail', LAYOUT.gpsPointerValue, LAYOUT.size - 4],
      ['latitude offset past the end', LAYOUT.latValue, LAYOUT.size - 8],
      ['latitude offset near 2^32', LAYOUT.latValue, 0xffffffff],
    ])('is null for a bogus offset: %s', (_what, at, value) => {
      expect(readExifGps(jpeg(patched(le, at, value)))).toBeNull();
    });

    it('is null when an IFD claims more entries than the buffer holds', () => {
      expect(readExifGps(jpeg(patched(le, LAYOUT.ifd0, 0xffff, 2)))).toBeNull();
      expect(readExifGps(jpeg(patched(le, LAYOUT.gps, 0xffff, 2)))).toBeNull();
    });

    it('is null when the GPS IFD points back at IFD0 (no GPS tags there), and does not loop', () => {
      expect(readExifGps(jpeg(patched(le, LAYOUT.gpsPointerValue, LAYOUT.ifd0)))).toBeNull();
    });
  });

  it('accepts an ArrayBuffer and a Uint8Array view into a larger buffer', () => {
    const bytes = jpeg(tiff(true));
    expectNear(readExifGps(bytes.slice().buffer), BEIJING);
    const padded = concat(Uint8Array.from([9, 9, 9]), bytes, Uint8Array.from([9]));
    expectNear(readExifGps(padded.subarray(3, 3 + bytes.length)), BEIJING);
  });

  it('walks past other APP1 segments (XMP) and fill bytes to the Exif one', () => {
    expectNear(readExifGps(jpeg(tiff(false), XMP, Uint8Array.from([0xff, 0xff]))), BEIJING);
  });

  it('is null without EXIF', () => {
    expect(readExifGps(concat(SOI, JFIF, SCAN))).toBeNull();
    expect(readExifGps(concat(SOI, JFIF, XMP, SCAN))).toBeNull();
  });

  it('is null for an EXIF block after the image data (EXIF must come before it)', () => {
    expect(readExifGps(concat(SOI, JFIF, SCAN, exifSegment(tiff(true))))).toBeNull();
  });

  it('is null for PNG, WebP, empty and tiny inputs', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...text('IHDR'), 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    expect(readExifGps(png)).toBeNull();
    expect(readExifGps(concat(Uint8Array.from(text('RIFF')), Uint8Array.from([0, 0, 0, 0]), Uint8Array.from(text('WEBPVP8 '))))).toBeNull();
    expect(readExifGps(new Uint8Array(0))).toBeNull();
    expect(readExifGps(new ArrayBuffer(0))).toBeNull();
    expect(readExifGps(SOI)).toBeNull();
  });

  it('is null for EXIF without a GPS IFD pointer', () => {
    expect(readExifGps(jpeg(patched(true, 22, 0x0110, 2)))).toBeNull(); // the 0x8825 entry renamed
  });

  it.each<[string, GpsFields]>([
    ['an unknown latitude reference', { latRef: 'X' }],
    ['an empty longitude reference', { lngRef: '\0' }],
    ['a zero denominator', { lat: [[39, 1], [54, 0], [0, 1]] }],
    ['a latitude beyond 90°', { lat: dms(91, 0, 0) }],
    ['a longitude beyond 180°', { lng: dms(180, 30, 0) }],
    ['the null island (0, 0) cameras write when they have no fix', { lat: dms(0, 0, 0), lng: dms(0, 0, 0) }],
  ])('is null for %s', (_what, gps) => {
    expect(readExifGps(jpeg(tiff(true, gps)))).toBeNull();
  });

  it('is null when a GPS value has the wrong type or count', () => {
    expect(readExifGps(jpeg(patched(true, LAYOUT.latValue - 6, 3, 2)))).toBeNull(); // Latitude typed SHORT
    expect(readExifGps(jpeg(patched(true, LAYOUT.latValue - 4, 2)))).toBeNull(); // Latitude with two rationals
    expect(readExifGps(jpeg(patched(true, 40 + 12 + 2, 1, 2)))).toBeNull(); // LatitudeRef typed BYTE
    expect(readExifGps(jpeg(patched(true, 22 + 2, 3, 2)))).toBeNull(); // GPS pointer typed SHORT
  });

  it('is null for a broken TIFF header or segment length', () => {
    const t = tiff(true);
    expect(readExifGps(jpeg(concat(Uint8Array.from(text('IM')), t.subarray(2))))).toBeNull(); // byte order
    expect(readExifGps(jpeg(patched(true, 2, 43, 2)))).toBeNull(); // magic
    expect(readExifGps(concat(SOI, Uint8Array.from([0xff, 0xe0, 0x00, 0x01]), exifSegment(t)))).toBeNull(); // length < 2
    expect(readExifGps(concat(SOI, Uint8Array.from([0xff, 0xe0, 0x00, 0x00]), exifSegment(t)))).toBeNull();
    expect(readExifGps(concat(SOI, Uint8Array.from([0x00, 0xe1]), exifSegment(t)))).toBeNull(); // not a marker
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (b) => {
        const r = readExifGps(b);
        return r === null || (Number.isFinite(r.lat) && Number.isFinite(r.lng));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bytes behind a valid Exif header (deep into the TIFF walk)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 400 }), (le, body) => {
        const head = Uint8Array.from([...(le ? [0x49, 0x49, 42, 0, 8, 0, 0, 0] : [0x4d, 0x4d, 0, 42, 0, 0, 0, 8])]);
        const r = readExifGps(jpeg(concat(head, body)));
        return r === null || (Math.abs(r.lat) <= 90 && Math.abs(r.lng) <= 180);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a valid file with random bytes overwritten, and gives null or a valid position', () => {
    const base = jpeg(tiff(false));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(base.length), (edits, cut) => {
        const b = base.slice();
        for (const [at, value] of edits) b[at] = value;
        const r = readExifGps(b.subarray(0, cut));
        return r === null || (Math.abs(r.lat) <= 90 && Math.abs(r.lng) <= 180 && !(r.lat === 0 && r.lng === 0));
      }),
      { numRuns: 3000 },
    );
  });
});
