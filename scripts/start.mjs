// `npm start`: gets pnpm, installs, builds what changed, and runs the API with
// the H5 app on the embedded database (demo data seeded on first run).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensurePnpm, log, pnpmInstall, ROOT } from './lib.mjs';

ensurePnpm();
pnpmInstall();
build();

const env = {
  ...process.env,
  DATA_DIR: process.env.DATA_DIR ?? join(ROOT, '.data', 'demo'),
  H5_DIR: process.env.H5_DIR ?? join(ROOT, 'apps', 'miniprogram', 'dist', 'h5'),
};
const port = env.PORT ?? '3000';
log(`starting on http://localhost:${port}  (H5: /  API: /api/v1  docs: /docs)`);
const child = spawn(process.execPath, [join(ROOT, 'apps', 'api', 'dist', 'main.js')], { stdio: 'inherit', env, cwd: ROOT });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
