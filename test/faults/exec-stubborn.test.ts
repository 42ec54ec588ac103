import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { ONE_INTENT_PACK } from '../helpers/one-intent-pack.js';

const tmp = useTmpDir('faults-exec-');

/** Running, not a zombie waiting for a container's init to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** An exec program that answers, records its pid (and its child's), and will not go quietly. */
function stubborn(d: string, how: 'ignores-sigterm' | 'child-holds-stdout'): string {
  const file = join(d, `${how}.mjs`);
  const pids = join(d, 'pids');
  writeFileSync(
    file,
    `import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n');
${
  how === 'ignores-sigterm'
    ? `process.on('SIGTERM', () => {});\nprocess.stdin.on('end', () => {});\nsetInterval(() => {}, 1000);`
    : // The grandchild inherits stdout and outlives its parent, which exits when stdin closes.
      `const c = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: ['ignore', 'inherit', 'inherit'] });\nappendFileSync(${JSON.stringify(pids)}, c.pid + '\\n');\nprocess.stdin.on('end', () => process.exit(0));`
}
createInterface({ input: process.stdin }).on('line', (l) => {
  const r = JSON.parse(l);
  process.stdout.write(JSON.stringify({ id: r.id, text: "I can't help with that." }) + '\\n');
});
`,
  );
  return `exec:${process.execPath} ${file}`;
}

for (const how of ['ignores-sigterm', 'child-holds-stdout'] as const) {
  it(`an exec program that ${how.replace(/-/g, ' ')} is ended (its whole group) and the CLI still writes the run directory and the gate`, async () => {
    const d = tmp();
    writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
    const out = join(d, 'out');
    const r = await cli(['run', join(d, 'p.yaml'), '--target', stubborn(d, how), '--db', join(d, 'd.db'), '--out', out, '--gate']);
    expect(r.code, r.stderr).not.toBe(13);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/gate (PASSED|FAILED)/i);
    for (const f of ['run.json', 'results.jsonl', 'scorecard.json', 'report.md']) expect(existsSync(join(out, f)), f).toBe(true);
    const pids = readFileSync(join(d, 'pids'), 'utf8').trim().split('\n').map(Number);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) expect(alive(pid), `pid ${pid} still running`).toBe(false);
  });
}
