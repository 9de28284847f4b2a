/**
 * Where the API lives. H5 is served by the API server itself, so it uses the
 * same origin; the weapp needs an absolute base fixed at build time
 * (TARO_APP_API_BASE, default http://localhost:3000/api/v1).
 */
export const API_BASE: string =
  process.env.TARO_ENV === 'weapp' ? process.env.TARO_APP_API_BASE || 'http://localhost:3000/api/v1' : '/api/v1';
