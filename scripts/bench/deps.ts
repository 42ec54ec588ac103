/**
 * What each chosen library costs: extra start-up time to import it in a fresh Node process, over
 * a bare `node -e 0`, median of 5. Also the CLI's own start-up (`--version`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/package-root.js';

const LIBS = ['zod', 'yaml', 'commander', 'better-sqlite3', 'openai', '@anthropic-ai/sdk', 'csv-parse/sync', 'playwright-core'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(args: string[]): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

export async function bench(): Promise<Record<string, string | number>> {
  const base = time(['-e', '0']);
  const out: Record<string, string | number> = { 'bare node start': `${base.toFixed(0)} ms` };
  for (const lib of LIBS)
    out[`import ${lib}`] = `+${(time(['--input-type=module', '-e', `await import(${JSON.stringify(lib)})`]) - base).toFixed(0)} ms`;
  const bin = join(packageRoot(), 'bin', 'refusal-drill.js');
  try {
    out['refusal-drill --version'] = `+${(time([bin, '--version']) - base).toFixed(0)} ms (needs npm run build)`;
  } catch {
    out['refusal-drill --version'] = 'skipped: run npm run build first';
  }
  return out;
}
