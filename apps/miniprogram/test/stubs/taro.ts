/**
 * A stand-in for @tarojs/taro in jsdom: storage in a Map, every API a jest
 * mock resolving like the real one. Tests set `request`'s behaviour.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const request = jest.fn();
export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, JSON.parse(JSON.stringify(value)));
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});
export const showToast = jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' }));
export const navigateTo = jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' }));
export const redirectTo = jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' }));
export const navigateBack = jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' }));
export const switchTab = jest.fn(() => Promise.resolve({ errMsg: 'switchTab:ok' }));
export const login = jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' }));
export const makePhoneCall = jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' }));
export const setClipboardData = jest.fn(() => Promise.resolve({ errMsg: 'setClipboardData:ok' }));
export const stopPullDownRefresh = jest.fn();
export const getCurrentPages = jest.fn(() => [{}, {}]);
export const chooseMedia = jest.fn(() => Promise.resolve({ tempFiles: [] as { tempFilePath: string; size: number }[], errMsg: 'chooseMedia:ok' }));
export const uploadFile = jest.fn();
export const previewImage = jest.fn(() => Promise.resolve({ errMsg: 'previewImage:ok' }));
export const getLocation = jest.fn(() => Promise.resolve({ latitude: 39.9, longitude: 116.4, errMsg: 'getLocation:ok' }));
export const chooseLocation = jest.fn(() => Promise.resolve({ latitude: 39.9, longitude: 116.4, name: '', address: '', errMsg: 'chooseLocation:ok' }));
export const compressImage = jest.fn((o: { src: string }) => Promise.resolve({ tempFilePath: o.src, errMsg: 'compressImage:ok' }));
export const getImageInfo = jest.fn(() => Promise.resolve({ width: 4000, height: 3000, errMsg: 'getImageInfo:ok' }));
/** The system dialog: a test decides the answer with `showModal.mockResolvedValueOnce({ confirm: false, … })`. */
export const showModal = jest.fn((_o?: Record<string, unknown>) => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
export const reLaunch = jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' }));
export const setTabBarBadge = jest.fn(() => Promise.resolve({ errMsg: 'setTabBarBadge:ok' }));
export const removeTabBarBadge = jest.fn(() => Promise.resolve({ errMsg: 'removeTabBarBadge:ok' }));
/** No files in jsdom: every read fails unless a test gives the manager a `readFile`. */
export const getFileSystemManager = jest.fn(() => ({
  readFile: (o: { fail?: (r: { errMsg: string }) => void }) => o.fail?.({ errMsg: 'readFile:fail no such file or directory' }),
}));

const mocks = [
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  navigateTo,
  redirectTo,
  navigateBack,
  switchTab,
  login,
  makePhoneCall,
  setClipboardData,
  stopPullDownRefresh,
  getCurrentPages,
  chooseMedia,
  uploadFile,
  previewImage,
  getLocation,
  chooseLocation,
  compressImage,
  getImageInfo,
  reLaunch,
  showModal,
  setTabBarBadge,
  removeTabBarBadge,
  getFileSystemManager,
];

/** Clears storage and call records; keeps the default implementations. */
export function resetTaroStub(): void {
  storage.clear();
  mocks.forEach((m) => m.mockClear());
  request.mockReset();
}

type Params = Record<string, string | undefined>;
let routerParams: Params = {};
export function setRouterParams(params: Params): void {
  routerParams = params;
}

// Taro runs these once per show/load; a mount effect is the jsdom equivalent.
export function useDidShow(callback: () => void): void {
  useEffect(() => callback(), []);
}
export function useLoad(callback: (params: Params) => void): void {
  useEffect(() => callback(routerParams), []);
}
export function useUnload(callback: () => void): void {
  useEffect(() => () => callback(), []);
}
export function usePullDownRefresh(): void {}
export function useShareAppMessage(): void {}

const Taro = {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  navigateTo,
  redirectTo,
  navigateBack,
  switchTab,
  login,
  makePhoneCall,
  setClipboardData,
  stopPullDownRefresh,
  getCurrentPages,
  chooseMedia,
  uploadFile,
  previewImage,
  getLocation,
  chooseLocation,
  compressImage,
  getImageInfo,
  reLaunch,
  showModal,
  setTabBarBadge,
  removeTabBarBadge,
  getFileSystemManager,
};
export default Taro;
