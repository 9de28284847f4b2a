import type { Config } from 'jest';

/**
 * Component tests of the mini-program: jsdom + @swc/jest, with @tarojs/taro
 * and @tarojs/components replaced by small stubs (test/stubs). Taro's own
 * test utils do not work with Taro 4.2, and the real H5 components are web
 * components that jsdom cannot drive reliably; the H5 build itself is
 * covered by the browser tests.
 */
const config: Config = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
      },
    ] as never,
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
    '^@zongzhi/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.css$': '<rootDir>/test/stubs/style.ts',
  },
};

export default config;
