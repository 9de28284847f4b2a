export * from './codes';
export * from './labels';
export * from './case-code';
export * from './workflow';
export * from './deadlines';
export * from './privacy';
export * from './geo';
