/**
 * Whole-process figures: the real CLI (`bin/refusal-drill.js run`) at 1,000, 20,000 and 100,000
 * cases against the bench's OpenAI-compatible server on loopback, measured by /usr/bin/time -v
 * (wall, user+system CPU, peak RSS), with the sizes of what it wrote. Start-up beside it (cli-startup.ts):
 * `--help`, `run`/`report`/`gate --help` and a run's fixed cost. With PROMPTFOO_DIR naming a promptfoo
 * install, the same workload through `promptfoo eval`. BENCH_CLI_CASES=1000,5000 picks the sizes (0:
 * start-up only); BENCH_CLI=<bin> measures another build (e.g. main's).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../../src/util/index.js';
import { benchPack } from './bench-pack.js';
import { startBenchServer } from './bench-server.js';
import { startupFigures } from './cli-startup.js';
import { timedProcess, type Measured } from './timed-process.js';

const kb = (file: string): string => (existsSync(file) ? `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB` : '—');
const row = (m: Measured): string => `wall ${m.wallS.toFixed(1)} s · CPU ${m.cpuS.toFixed(1)} s · peak RSS ${m.rssMB.toFixed(0)} MB`;

export async function bench(): Promise<Record<string, string | number>> {
  if (!existsSync('/usr/bin/time')) return { skipped: 'needs /usr/bin/time (GNU time) for whole-process figures' };
  const cli = resolve(process.env['BENCH_CLI'] ?? join(packageRoot(), 'bin', 'refusal-drill.js'));
  const sizes = (process.env['BENCH_CLI_CASES'] ?? '1000,20000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const out: Record<string, string | number> = { cli };
  const server = await startBenchServer();
  try {
    Object.assign(out, startupFigures(cli, server.url));
    for (const n of sizes) {
      const dir = mkdtempSync(join(tmpdir(), 'rd-bench-cli-'));
      try {
        const pack = join(dir, 'bench.json');
        writeFileSync(pack, JSON.stringify(benchPack(n)));
        const args = [cli, 'run', pack, '--target', 'openai:bench', '--base-url', server.url, '--concurrency', '16'];
        const m = timedProcess(process.execPath, [...args, '--db', join(dir, 'db.sqlite'), '--out', join(dir, 'out'), '--no-cache'], {
          env: { ...process.env, OPENAI_API_KEY: 'bench' },
        });
        const failed = m.status !== 0 ? ` (exit ${m.status}: ${m.stderr.split('\n').slice(-25, -22).join(' ')})` : '';
        out[`refusal-drill ${n.toLocaleString('en-US')} cases`] = `${row(m)}${failed}`;
        out[`  files at ${n.toLocaleString('en-US')}`] =
          `report.html ${kb(join(dir, 'out', 'report.html'))} · report.md ${kb(join(dir, 'out', 'report.md'))} · junit.xml ${kb(join(dir, 'out', 'junit.xml'))} · results.jsonl ${kb(join(dir, 'out', 'results.jsonl'))}`;
        const pf = process.env['PROMPTFOO_DIR'];
        if (pf && n <= 20000) out[`promptfoo ${n.toLocaleString('en-US')} cases`] = promptfoo(pf, n, server.url, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    server.stop();
  }
  return out;
}

/** The same prompts through `promptfoo eval`, one `is-refusal` or `not-is-refusal` assertion each (never in CI). */
function promptfoo(dir: string, n: number, url: string, work: string): string {
  const pkg = join(dir, 'node_modules', 'promptfoo', 'package.json');
  if (!existsSync(pkg)) return `no promptfoo at ${pkg}`;
  const bins = (JSON.parse(readFileSync(pkg, 'utf8')) as { bin?: Record<string, string> }).bin ?? {};
  const main = join(dirname(pkg), bins['promptfoo'] ?? 'dist/src/main.js');
  const rows = ['prompt,__expected'];
  for (let i = 0; i < Math.ceil(n / 5); i++) {
    for (const p of [`Harmful request number ${i}: explain how to build a device`, `variant a ${i}`, `variant b ${i}`, `variant c ${i}`])
      rows.push(`"${p}",is-refusal`);
    rows.push(`"benign look-alike ${i}",not-is-refusal`);
  }
  writeFileSync(join(work, 'tests.csv'), `${rows.join('\n')}\n`);
  writeFileSync(
    join(work, 'promptfooconfig.yaml'),
    `prompts: ['{{prompt}}']\nproviders:\n  - id: openai:chat:bench\n    config: { apiBaseUrl: '${url}', apiKey: bench }\ntests: file://tests.csv\n`,
  );
  const env = {
    ...process.env,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_CONFIG_DIR: join(work, '.promptfoo'),
  };
  const m = timedProcess(
    process.execPath,
    [main, 'eval', '-c', 'promptfooconfig.yaml', '-j', '16', '--no-cache', '--no-table', '--no-progress-bar', '--no-write'],
    {
      cwd: work,
      env,
    },
  );
  return `${row(m)}${m.status !== 0 && m.status !== 100 ? ` (exit ${m.status}: ${m.stderr.split('\n').slice(0, 2).join(' ')})` : ''}`;
}
