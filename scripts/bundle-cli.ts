/**
 * Bundles the CLI that `bin/refusal-drill.js` starts: tsc's output (dist/src) into dist/cli, our
 * code only, every package left to node_modules. Node 20 loads ES modules one file at a time (no
 * compile cache): bundled, a 5-case run's ~260 own files become a few chunks and the run takes
 * ~130 ms less CPU (scripts/bench/README.md, "Start-up").
 * Each `import()` stays a split point, so a command still loads only what it uses. The library
 * (`exports`, dist/src) is not bundled. Run by `npm run build`, after tsc.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/util/index.js';

const root = packageRoot();
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  // The monitor's ingest worker is started by file name (src/monitor/ingest-pool.ts): an entry of its own, beside the chunks.
  entryPoints: [join(root, 'dist/src/cli/main.js'), join(root, 'dist/src/monitor/ingest-worker.js')],
  entryNames: '[name]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay installed packages (their licences, their updates, one copy with the library's).
  packages: 'external',
  logLevel: 'warning',
});
