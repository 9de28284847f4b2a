import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * H5 only: writes `<file>.br` and `<file>.gz` beside every text asset after
 * each emit. The API serves them through @fastify/static's `preCompressed`
 * (about a quarter of the bytes over a weak 3G signal). No dependency: Node's zlib.
 */
class PrecompressPlugin {
  apply(compiler: { hooks: { afterEmit: { tap: (name: string, fn: (c: { outputOptions: { path?: string } }) => void) => void } } }) {
    compiler.hooks.afterEmit.tap('PrecompressPlugin', (compilation) => {
      const root = compilation.outputOptions.path;
      if (!root) return;
      // A render-blocking stylesheet holds the first paint (and the parser) for
      // a whole round trip on 3G. Load it without blocking (media swap): the
      // first-paint report field in index.html is styled inline, and the
      // deferred app scripts arrive well after this 1 KB file.
      const html = path.join(root, 'index.html');
      try {
        const page = readFileSync(html, 'utf8');
        const swapped = page.replace(/<link href="([^"]+\.css)" rel="stylesheet">/g, '<link href="$1" rel="stylesheet" media="print" onload="this.media=\'all\'">');
        if (swapped !== page) writeFileSync(html, swapped);
      } catch {
        /* no index.html in this emit */
      }
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
      for (const file of walk(root)) {
        if (!/\.(js|css|html|json|svg|txt)$/.test(file) || statSync(file).size < 1024) continue;
        const raw = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    });
  }
}

const DEFAULT_WEAPP_API_BASE = 'http://localhost:3000/api/v1';

/**
 * One config for both targets. Each platform builds into its own folder
 * (dist/weapp, dist/h5) so the two builds never wipe each other.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'zongzhi-miniprogram',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // Only TARO_APP_* values reach client code. The weapp calls an absolute
    // API base chosen at build time; H5 is served by the API itself and uses
    // the relative `/api/v1` (see src/services/api-base.ts).
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || DEFAULT_WEAPP_API_BASE),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: true },
    mini: {
      // Modules used only by subpackages stay out of the main package.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      webpackChain(chain) {
        chain.plugin('precompress').use(PrecompressPlugin);
      },
      htmlPluginOption: { inject: 'body' },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, base, { logger: { quiet: false, stats: true } });
  }
  return merge({}, base, {});
});
