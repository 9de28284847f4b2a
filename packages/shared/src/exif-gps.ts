import { isValidLatLng, type LatLng } from './geo';

/**
 * The GPS position in a JPEG's EXIF, as WGS-84 decimal degrees, or null.
 *
 * The mini-program reads it from the original photo on the device before it
 * re-encodes the photo for upload (re-encoding drops EXIF), so it must work on
 * the first bytes of a file only and on whatever a camera or a stranger wrote:
 * every offset is checked against the buffer, nothing is followed more than
 * once, and anything missing, malformed or out of range gives null.
 *
 * Only the path needed is walked: JPEG segments → APP1 "Exif\0\0" → TIFF
 * header (II or MM) → IFD0 → GPS IFD (tag 0x8825) → tags 1–4.
 */
export function readExifGps(input: Uint8Array | ArrayBuffer): LatLng | null {
  const bytes = ArrayBuffer.isView(input) ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = view.byteLength;
  if (len < 4 || view.getUint8(0) !== 0xff || view.getUint8(1) !== 0xd8) return null;

  let at = 2;
  while (at + 4 <= len) {
    if (view.getUint8(at) !== 0xff) return null;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data or end: EXIF comes before both
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    const size = view.getUint16(at + 2); // includes its own two bytes
    if (size < 2) return null;
    const data = at + 4;
    const end = Math.min(at + 2 + size, len);
    if (marker === 0xe1 && end - data >= 6 && isExifHeader(view, data)) return readTiffGps(view, data + 6, end);
    at += 2 + size;
  }
  return null;
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

function isExifHeader(view: DataView, at: number): boolean {
  return EXIF_HEADER.every((b, i) => view.getUint8(at + i) === b);
}

const TAG_GPS_IFD = 0x8825;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;
const TYPE_RATIONAL = 5;
const TYPE_IFD = 13;

/** `base` is the TIFF header; every offset in it is relative to `base` and must stay below `end`. */
function readTiffGps(view: DataView, base: number, end: number): LatLng | null {
  if (end - base < 8) return null;
  const order = view.getUint16(base);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const le = order === 0x4949;
  const u16 = (at: number) => view.getUint16(at, le);
  const u32 = (at: number) => view.getUint32(at, le);
  if (u16(base + 2) !== 42) return null;

  /** The absolute position of `n` bytes at TIFF offset `offset`, or -1 when they are not all inside. */
  const span = (offset: number, n: number) => (offset >= 0 && base + offset + n <= end ? base + offset : -1);

  /** The 12-byte entries of the IFD at `offset`, by tag (the first of each). */
  const readIfd = (offset: number): Map<number, number> | null => {
    const head = span(offset, 2);
    if (head < 0) return null;
    const count = u16(head);
    if (span(offset + 2, count * 12) < 0) return null;
    const entries = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const entry = head + 2 + i * 12;
      const tag = u16(entry);
      if (!entries.has(tag)) entries.set(tag, entry);
    }
    return entries;
  };

  const ifd0 = readIfd(u32(base + 4));
  const gpsPointer = ifd0?.get(TAG_GPS_IFD);
  if (gpsPointer === undefined) return null;
  const pointerType = u16(gpsPointer + 2);
  if ((pointerType !== TYPE_LONG && pointerType !== TYPE_IFD) || u32(gpsPointer + 4) !== 1) return null;
  const gps = readIfd(u32(gpsPointer + 8));
  if (!gps) return null;

  /** A one-letter ASCII value (count 2 with its NUL, or 1), which always fits inline. */
  const ref = (tag: number): string | null => {
    const entry = gps.get(tag);
    if (entry === undefined || u16(entry + 2) !== TYPE_ASCII) return null;
    const count = u32(entry + 4);
    if (count < 1 || count > 4) return null;
    return String.fromCharCode(view.getUint8(entry + 8));
  };

  /** Degrees, minutes, seconds (three RATIONALs, stored at an offset) as decimal degrees. */
  const degrees = (tag: number): number | null => {
    const entry = gps.get(tag);
    if (entry === undefined || u16(entry + 2) !== TYPE_RATIONAL || u32(entry + 4) !== 3) return null;
    const at = span(u32(entry + 8), 24);
    if (at < 0) return null;
    let value = 0;
    for (let i = 0; i < 3; i++) {
      const num = u32(at + i * 8);
      const den = u32(at + i * 8 + 4);
      if (den === 0) return null;
      value += num / den / 60 ** i;
    }
    return value;
  };

  const latRef = ref(1);
  const lngRef = ref(3);
  const lat = degrees(2);
  const lng = degrees(4);
  if ((latRef !== 'N' && latRef !== 'S') || (lngRef !== 'E' && lngRef !== 'W') || lat === null || lng === null) return null;
  // `0 - x` rather than `-x`: a zero on the southern/western side stays 0, not -0
  const p = { lat: latRef === 'S' ? 0 - lat : lat, lng: lngRef === 'W' ? 0 - lng : lng };
  if (!isValidLatLng(p) || (p.lat === 0 && p.lng === 0)) return null;
  return p;
}
