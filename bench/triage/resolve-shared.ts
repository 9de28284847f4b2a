/**
 * Lets ts-node resolve '@zongzhi/shared' to the package source without a build
 * (jest does the same with moduleNameMapper). Import this first.
 */
import Module = require('module');
import * as path from 'path';

const target = path.resolve(__dirname, '../../packages/shared/src/index.ts');
const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const orig = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === '@zongzhi/shared') return target;
  return orig.call(this, request, ...rest);
};
