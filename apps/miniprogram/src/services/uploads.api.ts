import Taro from '@tarojs/taro';
import type { LatLng } from '@zongzhi/shared';
import { API_BASE } from './api-base';
import { toFailure, type ApiResult, NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE } from './request';
import { getToken } from './session';

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  /** Where the photo was taken (GCJ-02), when the original carried it. */
  gps?: LatLng;
}

/** What to upload: a weapp temp file path, or an H5 Blob/File. */
export type PhotoSource = string | Blob;

export type ProgressFn = (percent: number) => void;

const UPLOAD_URL = `${API_BASE}/uploads`;
const networkFailure = () => ({ ok: false as const, status: 0, code: NETWORK_ERROR_CODE, message: NETWORK_ERROR_MESSAGE, errors: {} });

function parse(status: number, body: unknown): ApiResult<UploadedPhoto> {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch {
      data = null;
    }
  }
  return status === 201 || status === 200 ? { ok: true, status, data: data as UploadedPhoto } : toFailure(status, data);
}

/** Signed photo links come back as `/api/v1/…`; the weapp needs them absolute. */
export function photoUrl(path: string): string {
  if (/^https?:\/\//.test(path) || process.env.TARO_ENV !== 'weapp') return path;
  return API_BASE.replace(/\/api\/v1\/?$/, '') + path;
}

function uploadWeapp(filePath: string, onProgress: ProgressFn): Promise<ApiResult<UploadedPhoto>> {
  return new Promise((resolve) => {
    const token = getToken();
    const task = Taro.uploadFile({
      url: UPLOAD_URL,
      filePath,
      name: 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: 60000,
      success: (res) => resolve(parse(res.statusCode, res.data)),
      fail: () => resolve(networkFailure()),
    });
    task?.onProgressUpdate?.((p) => onProgress(p.progress));
  });
}

/** H5: XMLHttpRequest, because fetch cannot report upload progress. */
function uploadH5(file: Blob, onProgress: ProgressFn): Promise<ApiResult<UploadedPhoto>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL);
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve(parse(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve(networkFailure());
    xhr.ontimeout = () => resolve(networkFailure());
    xhr.timeout = 60000;
    const form = new FormData();
    form.append('file', file, 'photo.jpg');
    xhr.send(form);
  });
}

/** Uploads one photo with progress; resolves (never throws) to the usual ApiResult. */
export function uploadPhoto(source: PhotoSource, onProgress: ProgressFn): Promise<ApiResult<UploadedPhoto>> {
  return typeof source === 'string' ? uploadWeapp(source, onProgress) : uploadH5(source, onProgress);
}
