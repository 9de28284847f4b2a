import Taro from '@tarojs/taro';
import { readExifGps, wgs84ToGcj02, type LatLng } from '@zongzhi/shared';
import { isBrowserFile, type PickedPhoto } from './compress';

/**
 * EXIF sits in the first segments of a JPEG (APP1 is at most 64 KB), so the
 * head of the file is enough; a 5 MB camera photo is never read whole.
 */
export const EXIF_HEAD_BYTES = 128 * 1024;

function blobHead(file: Blob): Promise<ArrayBuffer> {
  const head = file.slice(0, EXIF_HEAD_BYTES);
  if (typeof head.arrayBuffer === 'function') return head.arrayBuffer();
  // Blob.arrayBuffer is missing before iOS 14 (and in jsdom)
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(head);
  });
}

/** weapp: `readFile` with a range (its `length` must not pass the end of the file). */
function fileHead(path: string, size: number): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      position: 0,
      length: Math.max(1, Math.min(EXIF_HEAD_BYTES, size)),
      success: (r) => (typeof r.data === 'string' ? reject(new Error('read as text')) : resolve(r.data)),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
}

/**
 * Where the original photo was taken (GCJ-02, rounded to 6 decimals as the
 * server rounds it), read on the device before compression drops the EXIF.
 * Null when the photo has no position or cannot be read; never throws.
 */
export async function readDeviceGps(source: PickedPhoto): Promise<LatLng | null> {
  try {
    const head = isBrowserFile(source) ? await blobHead(source) : await fileHead(source.path, source.size);
    const wgs = readExifGps(head);
    if (!wgs) return null;
    const g = wgs84ToGcj02(wgs);
    return { lat: Math.round(g.lat * 1e6) / 1e6, lng: Math.round(g.lng * 1e6) / 1e6 };
  } catch {
    return null;
  }
}
