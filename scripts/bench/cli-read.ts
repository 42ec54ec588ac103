/**
 * Whole-process figures of the commands that read a finished run: `report` (text and HTML),
 * `gate` and `compare`, on a run stored in SQLite and on its run directory, by the real CLI under
 * /usr/bin/time -v (wall, CPU, peak RSS). The run is made once with the `cli` bench's pack against
 * its loopback server (BENCH_READ_CASES, default 20,000). With BENCH_CLI_BASE naming another build's
 * bin (e.g. main's), each command runs with that build and this one in turn, on the same run.
 * BENCH_READ_DIR keeps the run (and reuses it next time) instead of a scratch directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../src/util/index.js';
import { startBenchServer } from './bench-server.js';
import { benchPack } from './bench-pack.js';
import { timedProcess } from './timed-process.js';

const ROUNDS = 2;

export async function bench(): Promise<Record<string, string | number>> {
  if (!existsSync('/usr/bin/time')) return { skipped: 'needs /usr/bin/time (GNU time) for whole-process figures' };
  const cli = resolve(process.env['BENCH_CLI'] ?? join(packageRoot(), 'bin', 'refusal-drill.js'));
  const base = process.env['BENCH_CLI_BASE'] ? resolve(process.env['BENCH_CLI_BASE']) : undefined;
  const n = Number(process.env['BENCH_READ_CASES'] ?? 20000);
  const kept = process.env['BENCH_READ_DIR'];
  const dir = kept ? resolve(kept) : mkdtempSync(join(tmpdir(), 'rd-bench-read-'));
  const out: Record<string, string | number> = { cli, ...(base ? { base } : {}) };
  try {
    const db = join(dir, 'db.sqlite');
    const runDir = join(dir, 'out');
    if (!existsSync(join(runDir, 'run.json'))) out['made the run'] = await makeRun({ cli, n, dir, db, runDir });
    const id = (JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as { id: string }).id;
    const env = { ...process.env, NO_COLOR: '1' };
    const html = join(dir, 'report.html');
    const commands: Array<[string, string[]]> = [
      ['report (text), stored', ['report', id, '--db', db]],
      ['report --format html, stored', ['report', id, '--db', db, '--format', 'html', '--out', html]],
      ['report (text), run directory', ['report', runDir]],
      ['gate, stored', ['gate', id, '--db', db]],
      ['gate, run directory', ['gate', runDir]],
      ['compare A A, stored', ['compare', id, id, '--db', db]],
    ];
    for (const [name, args] of commands) {
      const builds: Array<[string, string]> = base
        ? [
            ['base', base],
            ['this', cli],
          ]
        : [['this', cli]];
      for (const [which, bin] of builds) {
        const runs = Array.from({ length: ROUNDS }, () => timedProcess(process.execPath, [bin, ...args], { cwd: dir, env }));
        const ok = runs.every((m) => m.status === 0 || m.status === 1);
        const fig = (f: (m: (typeof runs)[number]) => number, digits: number) => runs.map((m) => f(m).toFixed(digits)).join(' / ');
        out[`${name} [${which}]`] = ok
          ? `wall ${fig((m) => m.wallS, 1)} s · CPU ${fig((m) => m.cpuS, 1)} s · peak RSS ${fig((m) => m.rssMB, 0)} MB`
          : `exit ${runs.map((m) => m.status).join(', ')}: ${runs[0]?.stderr.split('\n').slice(0, 2).join(' ')}`;
      }
    }
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The stored run the reads measure: the `cli` bench's pack of `n` cases against its loopback server. */
async function makeRun(o: { cli: string; n: number; dir: string; db: string; runDir: string }): Promise<string> {
  mkdirSync(o.dir, { recursive: true });
  const pack = join(o.dir, 'bench.json');
  writeFileSync(pack, JSON.stringify(benchPack(o.n)));
  const server = await startBenchServer();
  try {
    const args = [o.cli, 'run', pack, '--target', 'openai:bench', '--base-url', server.url, '--concurrency', '16'];
    const m = timedProcess(process.execPath, [...args, '--db', o.db, '--out', o.runDir, '--no-cache'], {
      env: { ...process.env, OPENAI_API_KEY: 'bench' },
    });
    if (m.status !== 0 && m.status !== 1) throw new Error(`run exited ${m.status}: ${m.stderr.slice(0, 2000)}`);
    return `${o.n.toLocaleString('en-US')} cases in ${m.wallS.toFixed(0)} s (peak RSS ${m.rssMB.toFixed(0)} MB)`;
  } finally {
    server.stop();
  }
}
