import Taro from '@tarojs/taro';
import { API_BASE } from './api-base';
import { toFailure, NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE, type ApiResult } from './request';
import { getToken } from './session';
import type { ImportResult } from './staff.api';

type Results = { results: ImportResult[] };
const URL = `${API_BASE}/imports/hotline`;
const failure = () => ({ ok: false as const, status: 0, code: NETWORK_ERROR_CODE, message: NETWORK_ERROR_MESSAGE, errors: {} });

function parse(status: number, body: unknown): ApiResult<Results> {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch {
      data = null;
    }
  }
  return status === 200 ? { ok: true, status, data: data as Results } : toFailure(status, data);
}

/** Uploads a 12345 CSV export (multipart `file`); H5 gets a File, the weapp a temp path. */
export function uploadHotlineCsv(source: Blob | string, name = 'orders.csv'): Promise<ApiResult<Results>> {
  const token = getToken();
  if (typeof source === 'string') {
    return new Promise((resolve) => {
      Taro.uploadFile({
        url: URL,
        filePath: source,
        name: 'file',
        header: token ? { Authorization: `Bearer ${token}` } : {},
        success: (res) => resolve(parse(res.statusCode, res.data)),
        fail: () => resolve(failure()),
      });
    });
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', URL);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.onload = () => resolve(parse(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve(failure());
    const form = new FormData();
    form.append('file', source, name);
    xhr.send(form);
  });
}
