import Taro from '@tarojs/taro';
import type { PhotoSource } from '../../services/uploads.api';

export const LONG_SIDE = 1600;
/**
 * Files at or under this size go up as they are: the server re-encodes and
 * strips them anyway, and reads their EXIF position itself. Re-encoding on the
 * device drops EXIF, so the picker reads the position behind 「使用照片拍摄位置」
 * from the original first (device-gps.ts).
 */
export const COMPRESS_ABOVE_BYTES = 2 * 1024 * 1024;

const fit = (w: number, h: number) => {
  const scale = Math.min(1, LONG_SIDE / Math.max(w, h));
  return { width: Math.round(w * scale), height: Math.round(h * scale) };
};

/** weapp: WeChat's own compressor, to about 1600 px on the longest side. */
async function compressWeapp(path: string, size: number): Promise<string> {
  if (size <= COMPRESS_ABOVE_BYTES) return path;
  try {
    const info = await Taro.getImageInfo({ src: path });
    const target = fit(info.width, info.height);
    const r = await Taro.compressImage({ src: path, quality: 80, compressedWidth: target.width, compressedHeight: target.height });
    return r.tempFilePath;
  } catch {
    return path; // the server still scales and strips it
  }
}

/** H5: draw to a canvas (orientation applied by the browser) and take a JPEG at 0.8. */
async function compressH5(file: File): Promise<Blob> {
  if (file.size <= COMPRESS_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const { width, height } = fit(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

/** What the picker gets: an H5 File, or a weapp temp file path with its size. */
export type PickedPhoto = File | { path: string; size: number };

/** WeChat's mini-program runtime defines no global `Blob`: a bare `instanceof Blob` would throw there. */
export function isBrowserFile(source: PickedPhoto): source is File {
  return typeof Blob !== 'undefined' && source instanceof Blob;
}

export function compressPhoto(source: PickedPhoto): Promise<PhotoSource> {
  return isBrowserFile(source) ? compressH5(source) : compressWeapp(source.path, source.size);
}
