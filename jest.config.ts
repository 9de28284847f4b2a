import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from 'jest';

/**
 * One jest run, several projects: pure units (shared, api, triage), the
 * mini-program's component tests (jsdom), API integration against real
 * MariaDB, and browser tests of the H5 build. `scripts/test.mjs` prepares
 * MariaDB and Chromium and chooses which projects run.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } }];

const sharedMapper = { '^@zongzhi/shared$': '<rootDir>/packages/shared/src/index.ts' };

const config: Config = {
  // Integration suites boot the app on a fresh database and browser tests drive
  // Chromium; on a busy 2-core CI box a hook can take several seconds.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc as never },
      moduleNameMapper: sharedMapper,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc as never },
      moduleNameMapper: sharedMapper,
    },
    ...(existsSync(join(__dirname, 'apps/miniprogram/jest.config.ts')) ? ['<rootDir>/apps/miniprogram/jest.config.ts'] : []),
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc as never },
      moduleNameMapper: sharedMapper,
    },
  ],
};

export default config;
