import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LatLng } from '@zongzhi/shared';
import type { ApiResult } from '../../services/request';
import type { PhotoSource, ProgressFn, UploadedPhoto } from '../../services/uploads.api';
import { MAX_PHOTOS, PhotoPicker, type PhotoPickerChange } from './index';

/** An upload the test finishes by hand, with progress in between. */
function controllableUpload() {
  const pending: { source: PhotoSource; progress: ProgressFn; resolve: (r: ApiResult<UploadedPhoto>) => void }[] = [];
  const upload = jest.fn(
    (source: PhotoSource, progress: ProgressFn) => new Promise<ApiResult<UploadedPhoto>>((resolve) => pending.push({ source, progress, resolve })),
  );
  return { upload, pending };
}

const ok = (id: string, gps?: { lat: number; lng: number }): ApiResult<UploadedPhoto> => ({
  ok: true,
  status: 201,
  data: { id, url: `/api/v1/uploads/${id}/file?variant=full`, thumbnailUrl: `/api/v1/uploads/${id}/file?variant=thumb`, width: 10, height: 10, gps },
});
const failed: ApiResult<UploadedPhoto> = { ok: false, status: 0, code: 'NETWORK.ERROR', message: '网络连接失败,请检查网络后重试', errors: {} };

const jpeg = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], name, { type: 'image/jpeg' });

type Picked = File | { path: string; size: number };

function setup({ readGps = jest.fn(async (_f: Picked): Promise<LatLng | null> => null), isLoggedIn = (): boolean => true } = {}) {
  const { upload, pending } = controllableUpload();
  const compress = jest.fn(async (f: Picked) => f as PhotoSource);
  const changes: PhotoPickerChange[] = [];
  const view = render(<PhotoPicker onChange={(c) => changes.push(c)} upload={upload} compress={compress} readGps={readGps} isLoggedIn={isLoggedIn} />);
  const input = () => view.container.querySelector('#photo-picker input[type=file]') as HTMLInputElement;
  const choose = (...files: File[]) => act(async () => fireEvent.change(input(), { target: { files } }));
  const items = () => Array.from(view.container.querySelectorAll('.photo-picker-item'));
  const last = () => changes[changes.length - 1];
  return { ...view, upload, pending, compress, readGps, choose, input, items, last };
}

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => `blob:local/${Math.random()}`);
  URL.revokeObjectURL = jest.fn();
});

describe('PhotoPicker (H5)', () => {
  it('offers a hidden file input behind #photo-picker-add', () => {
    const { container, input } = setup();
    expect(container.querySelector('#photo-picker-add')).toHaveTextContent('照片 0/9');
    expect(input()).toHaveAttribute('type', 'file');
    expect(input()).toHaveAttribute('multiple');
    const click = jest.spyOn(input(), 'click');
    fireEvent.click(container.querySelector('#photo-picker-add')!);
    expect(click).toHaveBeenCalled();
  });

  it('compresses, uploads with progress and reports the uploaded ids (busy until done)', async () => {
    const { choose, pending, compress, items, last, container } = setup();
    await choose(jpeg('a.jpg'), jpeg('b.jpg'));
    expect(compress).toHaveBeenCalledTimes(2);
    expect(items()).toHaveLength(2);
    await waitFor(() => expect(pending).toHaveLength(2));
    expect(last().busy).toBe(true);

    act(() => pending[0].progress(42));
    expect(container.querySelector('.photo-picker-progress-text')).toHaveTextContent('42%');

    await act(async () => pending[0].resolve(ok('id-a', { lat: 39.9, lng: 116.4 })));
    expect(last()).toMatchObject({ ids: ['id-a'], busy: true, gps: { lat: 39.9, lng: 116.4 } });
    await act(async () => pending[1].resolve(ok('id-b')));
    expect(last()).toMatchObject({ ids: ['id-a', 'id-b'], busy: false, gps: { lat: 39.9, lng: 116.4 } });
    expect(items().map((i) => i.getAttribute('data-status'))).toEqual(['done', 'done']);
    expect(items()[0].querySelector('img')!.getAttribute('src')).toContain('variant=thumb');
  });

  it('shows a failed upload with its reason and retries the same file', async () => {
    const { choose, pending, items, last, upload } = setup();
    await choose(jpeg('a.jpg'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await act(async () => pending[0].resolve({ ok: false, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '只支持 JPEG', errors: { file: '只支持 JPEG、PNG、WebP 格式的照片' } }));
    expect(items()[0].getAttribute('data-status')).toBe('failed');
    expect(items()[0]).toHaveTextContent('只支持 JPEG、PNG、WebP 格式的照片');
    expect(last().ids).toEqual([]);

    await act(async () => fireEvent.click(items()[0].querySelector('.photo-picker-retry')!));
    expect(upload).toHaveBeenCalledTimes(2);
    expect(upload.mock.calls[1][0]).toBe(upload.mock.calls[0][0]); // the same (compressed) file again
    await act(async () => pending[1].resolve(ok('id-a')));
    expect(items()[0].getAttribute('data-status')).toBe('done');
    expect(last().ids).toEqual(['id-a']);
  });

  it('retries after a network failure too', async () => {
    const { choose, pending, items } = setup();
    await choose(jpeg('a.jpg'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await act(async () => pending[0].resolve(failed));
    expect(items()[0]).toHaveTextContent('网络连接失败');
    await act(async () => fireEvent.click(items()[0].querySelector('.photo-picker-retry')!));
    await act(async () => pending[1].resolve(ok('id-x')));
    expect(items()[0].getAttribute('data-status')).toBe('done');
  });

  it('deletes a photo, and its id leaves the report', async () => {
    const { choose, pending, items, last } = setup();
    await choose(jpeg('a.jpg'), jpeg('b.jpg'));
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => {
      pending[0].resolve(ok('id-a'));
      pending[1].resolve(ok('id-b'));
    });
    await act(async () => fireEvent.click(items()[0].querySelector('.photo-picker-remove')!));
    expect(items()).toHaveLength(1);
    expect(last().ids).toEqual(['id-b']);
  });

  it('opens the tapped photo full screen (H5 overlay, tap to close)', async () => {
    const { choose, pending, items } = setup();
    await choose(jpeg('a.jpg'), jpeg('b.jpg'));
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => pending[1].resolve(ok('id-b')));
    fireEvent.click(items()[1].querySelector('img')!);
    const overlay = document.getElementById('photo-preview')!;
    expect(overlay.querySelector('img')!.getAttribute('src')).toContain('id-b');
    fireEvent.click(overlay);
    expect(document.getElementById('photo-preview')).toBeNull();
  });

  it(`takes at most ${MAX_PHOTOS} photos and then hides the add button`, async () => {
    const { choose, items, container, upload } = setup();
    await choose(...Array.from({ length: 7 }, (_, i) => jpeg(`${i}.jpg`)));
    await choose(...Array.from({ length: 5 }, (_, i) => jpeg(`more${i}.jpg`)));
    expect(items()).toHaveLength(9);
    await waitFor(() => expect(upload).toHaveBeenCalledTimes(9));
    expect(container.querySelector('#photo-picker-add')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '最多添加 9 张照片' }));
  });

  describe('photo position (for 「使用照片拍摄位置」)', () => {
    const ON_DEVICE = { lat: 31.224361, lng: 121.469170 };
    const FROM_SERVER = { lat: 39.908735, lng: 116.397741 };

    it('keeps the position read on the device from the original when the compressed upload carries none', async () => {
      const readGps = jest.fn(async (_f: Picked): Promise<LatLng | null> => ON_DEVICE);
      const { choose, pending, compress, last } = setup({ readGps });
      // Compression re-encodes, so what goes up has no EXIF and the server finds no position.
      compress.mockImplementation(async () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xdb])], { type: 'image/jpeg' }));
      const original = jpeg('big.jpg');
      await choose(original);
      await waitFor(() => expect(pending).toHaveLength(1));
      expect(readGps).toHaveBeenCalledWith(original);
      expect(readGps.mock.invocationCallOrder[0]).toBeLessThan(compress.mock.invocationCallOrder[0]);
      expect(pending[0].source).not.toBe(original);
      expect(last().gps).toBeNull(); // not before the photo is actually uploaded

      await act(async () => pending[0].resolve(ok('id-a')));
      expect(last()).toMatchObject({ ids: ['id-a'], busy: false, gps: ON_DEVICE });
    });

    it("prefers the server's reading, and takes the first uploaded photo that has either", async () => {
      const readGps = jest
        .fn(async (_f: Picked): Promise<LatLng | null> => null)
        .mockResolvedValueOnce(null) // a: no position at all
        .mockResolvedValueOnce(ON_DEVICE) // b: read on the device only
        .mockResolvedValueOnce(ON_DEVICE); // c: on the device, and the server read it too
      const { choose, pending, items, last } = setup({ readGps });
      await choose(jpeg('a.jpg'), jpeg('b.jpg'), jpeg('c.jpg'));
      await waitFor(() => expect(pending).toHaveLength(3));

      await act(async () => pending[2].resolve(ok('id-c', FROM_SERVER)));
      expect(last().gps).toEqual(FROM_SERVER);
      await act(async () => pending[0].resolve(ok('id-a')));
      expect(last().gps).toEqual(FROM_SERVER); // a is first but has none
      await act(async () => pending[1].resolve(ok('id-b')));
      expect(last()).toMatchObject({ ids: ['id-a', 'id-b', 'id-c'], gps: ON_DEVICE }); // b comes before c

      await act(async () => fireEvent.click(items()[1].querySelector('.photo-picker-remove')!));
      expect(last().gps).toEqual(FROM_SERVER);
      await act(async () => fireEvent.click(items()[1].querySelector('.photo-picker-remove')!));
      expect(last()).toMatchObject({ ids: ['id-a'], gps: null });
    });

    it('still uploads when reading the original fails', async () => {
      const readGps = jest.fn(async (_f: Picked): Promise<LatLng | null> => {
        throw new Error('unreadable');
      });
      const { choose, pending, last } = setup({ readGps });
      await choose(jpeg('a.jpg'));
      await waitFor(() => expect(pending).toHaveLength(1));
      await act(async () => pending[0].resolve(ok('id-a')));
      expect(last()).toMatchObject({ ids: ['id-a'], gps: null });
    });
  });

  it('refuses files that are not photos at picking, with a message, and they take no slot', async () => {
    const { choose, items, container, upload } = setup();
    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'a.pdf', { type: 'application/pdf' });
    const heic = new File([new Uint8Array([0, 0, 0, 24])], 'IMG_1.HEIC', { type: 'image/heic' });
    await choose(pdf, jpeg('ok.jpg'), heic);
    expect(items()).toHaveLength(1);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(container.querySelector('#photo-picker-notice')).toHaveTextContent('已跳过 2 个文件');
    expect(container.querySelector('#photo-picker-add')).toHaveTextContent('照片 1/9');
  });

  it('a photo picked before logging in waits, then uploads by itself once logged in', async () => {
    jest.useFakeTimers();
    try {
      let loggedIn = false;
      const { choose, items, upload, pending, last } = setup({ isLoggedIn: () => loggedIn });
      await choose(jpeg('a.jpg'));
      expect(items()[0].getAttribute('data-status')).toBe('waiting');
      expect(items()[0]).toHaveTextContent('登录后自动上传');
      expect(upload).not.toHaveBeenCalled();
      expect(last().waiting).toBe(1);
      await act(async () => jest.advanceTimersByTime(1500));
      expect(upload).not.toHaveBeenCalled();
      loggedIn = true;
      await act(async () => jest.advanceTimersByTime(1100));
      expect(upload).toHaveBeenCalledTimes(1);
      await act(async () => pending[0].resolve(ok('id-1')));
      expect(items()[0].getAttribute('data-status')).toBe('done');
      expect(last().ids).toEqual(['id-1']);
    } finally {
      jest.useRealTimers();
    }
  });
});
