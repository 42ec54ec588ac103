import { spawnSync } from 'node:child_process';

export interface Measured {
  wallS: number;
  cpuS: number;
  rssMB: number;
  status: number | null;
  stderr: string;
}

/** Runs a command under /usr/bin/time -v: its user+system CPU and peak RSS, and the wall clock around it (to the millisecond). */
export function timedProcess(cmd: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measured {
  const start = process.hrtime.bigint();
  const p = spawnSync('/usr/bin/time', ['-v', cmd, ...args], {
    cwd: o.cwd,
    env: o.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const field = (name: string): string => new RegExp(`${name}: (.+)`).exec(p.stderr)?.[1]?.trim() ?? '0';
  return {
    wallS,
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    rssMB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    status: p.status,
    stderr: p.stderr,
  };
}
