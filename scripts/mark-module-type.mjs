// Marks dist/esm as ES modules and dist/cjs as CommonJS so Node and bundlers
// read each build the way it was emitted, whatever the package's own "type".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
const dist = process.argv[2] ?? 'dist';
writeFileSync(join(dist, 'esm', 'package.json'), '{"type":"module","sideEffects":false}\n');
writeFileSync(join(dist, 'cjs', 'package.json'), '{"type":"commonjs"}\n');
