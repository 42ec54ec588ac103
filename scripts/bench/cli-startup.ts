/**
 * Start-up figures of the real CLI, each the best of a few runs (a busy machine only adds):
 * bare `node -e 0` (the floor), `refusal-drill --help`, `run`/`report`/`gate --help`, and a run's
 * fixed cost — the whole process of a 5-case run (`--no-cache`, a fresh SQLite file, every report
 * written) against the bench's loopback server — then `report` and `gate` of that run. The load
 * average is printed beside them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPack } from './bench-pack.js';
import { timedProcess, type Measured } from './timed-process.js';

const RUNS = 5;
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The fastest of RUNS runs, or the first that failed. */
function best(measure: () => Measured): Measured {
  const runs = Array.from({ length: RUNS }, measure);
  return runs.find((m) => m.status !== 0) ?? runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
}

function row(m: Measured, aim?: string): string {
  if (m.status !== 0) return `exit ${m.status}: ${m.stderr.split('\n').slice(0, 2).join(' ')}`;
  return `${ms(m.wallS)} wall · CPU ${ms(m.cpuS)} · peak RSS ${m.rssMB.toFixed(0)} MB (best of ${RUNS}${aim ? `; aim ${aim}` : ''})`;
}

export function startupFigures(cli: string, serverUrl: string): Record<string, string> {
  const out: Record<string, string> = { 'load average (start)': load() };
  out['node -e 0 (floor)'] = row(best(() => timedProcess(process.execPath, ['-e', '0'])));
  out['--help'] = row(
    best(() => timedProcess(process.execPath, [cli, '--help'])),
    '≤ 150 ms wall',
  );
  for (const command of ['run', 'report', 'gate'])
    out[`${command} --help`] = row(best(() => timedProcess(process.execPath, [cli, command, '--help'])));
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-startup-'));
  try {
    const pack = join(dir, 'bench.json');
    writeFileSync(pack, JSON.stringify(benchPack(5)));
    let n = 0;
    const tiny = best(() => {
      n += 1;
      const args = [cli, 'run', pack, '--target', 'openai:bench', '--base-url', serverUrl, '--no-cache'];
      const where = ['--db', join(dir, `db-${n}.sqlite`), '--out', join(dir, `out-${n}`)];
      return timedProcess(process.execPath, [...args, ...where], { env: { ...process.env, OPENAI_API_KEY: 'bench' } });
    });
    out['run fixed cost (5 cases)'] = row(tiny, '≤ 300 ms');
    // The same small run read back, as a CI step does after it.
    const run = join(dir, 'out-1');
    out['report (5 cases, markdown)'] = row(best(() => timedProcess(process.execPath, [cli, 'report', run, '--format', 'md'])));
    out['gate (5 cases)'] = row(best(() => timedProcess(process.execPath, [cli, 'gate', run])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out['load average (end)'] = load();
  return out;
}
