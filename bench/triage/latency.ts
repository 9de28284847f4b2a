/**
 * Engine load time (cold: first import + first call) and per-report latency
 * p50/p99 over the whole dataset (train + held-out) repeated.
 *   pnpm exec ts-node --transpile-only -P bench/triage/tsconfig.json bench/triage/latency.ts [rounds]
 * Note: the cold figure includes ts-node transpiling the engine sources; the
 * compiled JS in the API loads faster. On a busy machine read the CPU-time line:
 * the wall-clock tail then measures the scheduler more than the engine.
 */
import './resolve-shared';
import * as fs from 'fs';
import * as path from 'path';

const dataDir = path.resolve(__dirname, '../../apps/api/src/modules/triage/data');
const texts: string[] = [];
for (const f of fs.readdirSync(dataDir).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of fs.readFileSync(path.join(dataDir, f), 'utf8').split('\n')) {
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
}

const t0 = process.hrtime.bigint();
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { triage } = require('../../apps/api/src/modules/triage/engine') as typeof import('../../apps/api/src/modules/triage/engine');
const t1 = process.hrtime.bigint();
triage({ text: texts[0] });
const t2 = process.hrtime.bigint();

const rounds = Number(process.argv[2] ?? 20);
// a long text too (≈2000 chars) to show the worst case
const long = (texts.join('；')).slice(0, 2000);
const samples: number[] = [];
// CPU time of this process per call as well: on a shared machine the wall clock's tail is mostly time spent
// waiting for a core, which the CPU time leaves out (resolution 1 µs)
const cpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const text of texts) {
    const c = process.cpuUsage();
    const a = process.hrtime.bigint();
    triage({ text });
    samples.push(Number(process.hrtime.bigint() - a) / 1e6);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
}
const longSamples: number[] = [];
for (let i = 0; i < 200; i++) {
  const a = process.hrtime.bigint();
  triage({ text: long });
  longSamples.push(Number(process.hrtime.bigint() - a) / 1e6);
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => x.toFixed(3) + ' ms';
console.log(`load (first import): ${ms(Number(t1 - t0) / 1e6)}   first call: ${ms(Number(t2 - t1) / 1e6)}   cold total: ${ms(Number(t2 - t0) / 1e6)}`);
console.log(`per report over ${texts.length} reports × ${rounds} rounds = ${samples.length} calls: p50 ${ms(pct(samples, 50))}  p99 ${ms(pct(samples, 99))}  max ${ms(Math.max(...samples))}`);
console.log(`  CPU time per report: p50 ${ms(pct(cpu, 50))}  p99 ${ms(pct(cpu, 99))}   (load average ${require('os').loadavg()[0].toFixed(1)} on ${require('os').cpus().length} cores)`);
console.log(`2000-char text × 200: p50 ${ms(pct(longSamples, 50))}  p99 ${ms(pct(longSamples, 99))}`);
