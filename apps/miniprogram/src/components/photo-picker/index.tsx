import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LatLng } from '@zongzhi/shared';
import { useEffect, useRef, useState } from 'react';
import { ensurePrivacyConsent } from '../../services/privacy';
import { getToken } from '../../services/session';
import { previewImages } from '../../services/preview';
import { photoUrl, uploadPhoto, type PhotoSource, type ProgressFn, type UploadedPhoto } from '../../services/uploads.api';
import type { ApiResult } from '../../services/request';
import { compressPhoto, type PickedPhoto } from './compress';
import { readDeviceGps } from './device-gps';
import './index.css';

export const MAX_PHOTOS = 9;

/** `waiting`: picked before logging in; it uploads by itself once the session exists. */
type Status = 'waiting' | 'uploading' | 'done' | 'failed';

interface Item {
  key: string;
  /** What the thumbnail shows before the upload is done: a temp path or an object URL. */
  preview: string;
  source: PhotoSource;
  status: Status;
  progress: number;
  error?: string;
  uploaded?: UploadedPhoto;
  /** The original's EXIF position (GCJ-02), read on the device before compression dropped it. */
  deviceGps?: LatLng | null;
}

export interface PhotoPickerChange {
  /** Uploaded photo ids, in the order shown. */
  ids: string[];
  /** True while any photo is still uploading. */
  busy: boolean;
  /**
   * The first EXIF position among the uploaded photos (GCJ-02), if any: the
   * server's reading, else the one read on the device from the original (the
   * server cannot read it from a photo the device compressed).
   */
  gps: LatLng | null;
  /** The uploaded photos themselves (id and links), e.g. to keep with a draft. */
  photos?: { id: string; url: string; thumbnailUrl: string }[];
  /** Photos whose upload failed: a report must not go out without them unasked. */
  failed?: number;
  /** Photos waiting for the login to upload. */
  waiting?: number;
}

/** What the server accepts (it checks the bytes again); anything else is refused at picking and takes no slot. */
const PHOTO_TYPES = /^image\/(jpeg|jpg|png|webp)$/i;
const PHOTO_EXT = /\.(jpe?g|png|webp)$/i;
export const WRONG_TYPE_MESSAGE = '只能添加照片(JPG、PNG、WEBP 格式)';

/** Whether a picked file is a photo we can send; HEIC and other files are refused with a reason. */
export function photoRefusal(original: PickedPhoto): string | null {
  const name = (original as File).name ?? (original as { path?: string }).path ?? '';
  const type = (original as File).type ?? '';
  if (/\.hei[cf]$/i.test(name) || /hei[cf]/i.test(type)) return '暂不支持 HEIC 格式,请在相机设置中选择「兼容性最佳」';
  if (type) return PHOTO_TYPES.test(type) ? null : WRONG_TYPE_MESSAGE;
  // A temp path without a type (weapp): judge by the extension when there is one.
  return !/\.[a-z0-9]+$/i.test(name) || PHOTO_EXT.test(name) ? null : WRONG_TYPE_MESSAGE;
}

export interface PhotoPickerProps {
  onChange: (change: PhotoPickerChange) => void;
  /** Seams for tests; the defaults are the real thing. */
  upload?: (source: PhotoSource, onProgress: ProgressFn) => Promise<ApiResult<UploadedPhoto>>;
  compress?: typeof compressPhoto;
  readGps?: typeof readDeviceGps;
  /** Photos already on the server (a resumed draft): shown as done, not uploaded again. */
  initial?: { id: string; url: string; thumbnailUrl: string }[];
  /** Whether uploads can go now (a session exists); until then photos wait and then upload by themselves. */
  isLoggedIn?: () => boolean;
}

let seq = 0;
const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Up to nine photos from camera or album: each is compressed on the device,
 * uploaded with progress, can be retried when the upload failed, previewed
 * and removed. The report only ever sends the ids the server returned.
 */
function fromInitial(initial: PhotoPickerProps['initial']): Item[] {
  return (initial || []).slice(0, MAX_PHOTOS).map((p) => ({
    key: `p${++seq}`,
    preview: p.thumbnailUrl,
    source: '',
    status: 'done' as Status,
    progress: 100,
    uploaded: { id: p.id, url: p.url, thumbnailUrl: p.thumbnailUrl, width: 0, height: 0 },
  }));
}

export function PhotoPicker({ onChange, upload = uploadPhoto, compress = compressPhoto, readGps = readDeviceGps, initial, isLoggedIn = () => !!getToken() }: PhotoPickerProps) {
  const [items, setItems] = useState<Item[]>(() => fromInitial(initial));
  const [notice, setNotice] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(() => {
    const done = items.filter((i) => i.status === 'done' && i.uploaded);
    onChange({
      ids: done.map((i) => i.uploaded!.id),
      busy: items.some((i) => i.status === 'uploading'),
      failed: items.filter((i) => i.status === 'failed').length,
      waiting: items.filter((i) => i.status === 'waiting').length,
      gps: done.map((i) => i.uploaded!.gps ?? i.deviceGps).find((p) => !!p) ?? null,
      photos: done.map((i) => ({ id: i.uploaded!.id, url: i.uploaded!.url, thumbnailUrl: i.uploaded!.thumbnailUrl })),
    });
  }, [items]);

  const patch = (key: string, change: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const send = async (key: string, source: PhotoSource) => {
    if (!isLoggedIn()) {
      patch(key, { status: 'waiting', progress: 0, error: undefined });
      return;
    }
    patch(key, { status: 'uploading', progress: 0, error: undefined });
    const result = await upload(source, (progress) => patch(key, { progress }));
    if (result.ok) patch(key, { status: 'done', progress: 100, uploaded: result.data });
    // The session ran out meanwhile: wait for the login again rather than fail.
    else if (result.status === 401) patch(key, { status: 'waiting', progress: 0 });
    else patch(key, { status: 'failed', error: result.errors.file || result.message });
  };

  // Photos picked before logging in upload by themselves once the session exists (back from the login page).
  const waiting = items.some((i) => i.status === 'waiting' && i.source);
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => {
      if (!isLoggedIn()) return;
      clearInterval(timer);
      for (const i of itemsRef.current) if (i.status === 'waiting' && i.source) void send(i.key, i.source);
    }, 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const add = async (all: { preview: string; original: PickedPhoto }[]) => {
    const refusals = all.map((p) => photoRefusal(p.original));
    const picked = all.filter((_p, n) => !refusals[n]);
    for (const p of all) if (!picked.includes(p) && p.preview.startsWith('blob:')) URL.revokeObjectURL(p.preview);
    const refused = refusals.filter(Boolean) as string[];
    const room = MAX_PHOTOS - itemsRef.current.length;
    const accepted = picked.slice(0, Math.max(0, room));
    if (refused.length) setNotice(`${refused[0]},已跳过 ${refused.length} 个文件`);
    else if (picked.length > accepted.length) setNotice(`最多添加 ${MAX_PHOTOS} 张照片,已跳过 ${picked.length - accepted.length} 张`);
    else setNotice('');
    if (picked.length > accepted.length) void Taro.showToast({ title: `最多添加 ${MAX_PHOTOS} 张照片`, icon: 'none' });
    const fresh = accepted.map((p) => ({ key: `p${++seq}`, preview: p.preview, source: p.original as PhotoSource, status: 'uploading' as Status, progress: 0 }));
    setItems((list) => [...list, ...fresh]);
    await Promise.all(
      fresh.map(async (item, n) => {
        // First, while the original still has its EXIF; a failed read only loses the offer.
        const deviceGps = await readGps(accepted[n].original).catch(() => null);
        const source = await compress(accepted[n].original);
        patch(item.key, { source, deviceGps });
        await send(item.key, source);
      }),
    );
  };

  const choose = async () => {
    if (itemsRef.current.length >= MAX_PHOTOS) return;
    if (isH5) {
      inputRef.current?.click();
      return;
    }
    if (!(await ensurePrivacyConsent())) return;
    try {
      const r = await Taro.chooseMedia({
        count: MAX_PHOTOS - itemsRef.current.length,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['original', 'compressed'],
      });
      await add(r.tempFiles.map((f) => ({ preview: f.tempFilePath, original: { path: f.tempFilePath, size: f.size } })));
    } catch {
      /* cancelled */
    }
  };

  const onFiles = (files: FileList | null) => {
    const list = Array.from(files ?? []);
    if (inputRef.current) inputRef.current.value = ''; // choosing the same file again still fires change
    void add(list.map((f) => ({ preview: URL.createObjectURL(f), original: f })));
  };

  const remove = (key: string) => {
    const gone = itemsRef.current.find((i) => i.key === key);
    if (gone && gone.preview.startsWith('blob:')) URL.revokeObjectURL(gone.preview);
    setItems((list) => list.filter((i) => i.key !== key));
  };

  const preview = (key: string) => {
    const urls = itemsRef.current.map((i) => (i.uploaded ? photoUrl(i.uploaded.url) : i.preview));
    const index = itemsRef.current.findIndex((i) => i.key === key);
    previewImages(urls, urls[index]);
  };

  return (
    <View id='photo-picker' className='photo-picker'>
      {items.map((item) => (
        <View key={item.key} className={`photo-picker-item photo-picker-item--${item.status}`} data-status={item.status}>
          <Image className='photo-picker-thumb' src={item.uploaded ? photoUrl(item.uploaded.thumbnailUrl) : item.preview} mode='aspectFill' onClick={() => preview(item.key)} />
          {item.status === 'waiting' ? (
            <View className='photo-picker-waiting'>
              <Text className='photo-picker-waiting-text'>登录后自动上传</Text>
            </View>
          ) : null}
          {item.status === 'uploading' ? (
            <View className='photo-picker-progress'>
              <View className='photo-picker-progress-bar' style={{ width: `${item.progress}%` }} />
              <Text className='photo-picker-progress-text'>{`${item.progress}%`}</Text>
            </View>
          ) : null}
          {item.status === 'failed' ? (
            <View className='photo-picker-failed'>
              <Text className='photo-picker-error'>{item.error || '上传失败'}</Text>
              <Text className='photo-picker-retry' onClick={() => void send(item.key, item.source)}>
                重试
              </Text>
            </View>
          ) : null}
          <Text className='photo-picker-remove' onClick={() => remove(item.key)}>
            ×
          </Text>
        </View>
      ))}
      {items.length < MAX_PHOTOS ? (
        <View id='photo-picker-add' className='photo-picker-add' onClick={() => void choose()}>
          <Text className='photo-picker-add-icon'>+</Text>
          <Text className='photo-picker-add-text'>{`照片 ${items.length}/${MAX_PHOTOS}`}</Text>
        </View>
      ) : null}
      {notice ? (
        <Text className='photo-picker-notice' id='photo-picker-notice'>
          {notice}
        </Text>
      ) : null}
      {isH5 ? (
        <input
          ref={inputRef}
          id='photo-picker-input'
          type='file'
          accept='image/jpeg,image/png,image/webp'
          multiple
          style={{ display: 'none' }}
          onChange={(e) => onFiles(e.target.files)}
        />
      ) : null}
    </View>
  );
}
