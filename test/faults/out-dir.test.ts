import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startScriptedOpenAIServer } from '../helpers/scripted-openai-server.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { useClosers } from '../helpers/closers.js';
import { ONE_INTENT_PACK } from '../helpers/one-intent-pack.js';

const tmp = useTmpDir('faults-out-');
const closers = useClosers();

it('an --out that cannot be written (a file in its place) is exit 2 before the first request to the target', async () => {
  const server = await startScriptedOpenAIServer({ responder: () => ({ text: "I can't help with that." }) });
  closers.push(() => server.close());
  const d = tmp();
  writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
  writeFileSync(join(d, 'taken'), 'a file, not a directory');
  const r = await cli([
    'run',
    join(d, 'p.yaml'),
    '--target',
    'openai:m',
    '--base-url',
    server.url,
    '--db',
    join(d, 'd.db'),
    '--out',
    join(d, 'taken', 'run'),
  ]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`--out ${join(d, 'taken', 'run')} cannot be written: ${join(d, 'taken')} is a file, not a directory`);
  expect(server.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
});

const mountPoint = join('/tmp', `faults-out-full-${process.pid}`);
const mounted = (options: string): boolean => {
  try {
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const canMount = mounted('size=256k');
afterAll(() => {
  if (canMount) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  rmSync(mountPoint, { recursive: true, force: true });
});

it.skipIf(!canMount)('a full disk under --out is exit 5 naming the file, and leaves no truncated results.jsonl', async () => {
  const d = tmp();
  const out = join(mountPoint, 'run');
  const r = await cli(['run', 'xstest', '--target', 'replay:xstest/llama2orig', '--db', join(d, 'd.db'), '--out', out]);
  expect(r.code, r.stderr).toBe(5);
  expect(r.stderr).toMatch(/cannot write .*(results\.jsonl|report\.html|scorecard\.json|report\.md|junit\.xml).*ENOSPC/);
  expect(r.stderr).toMatch(/write its directory again with refusal-drill run --resume \S+ --out/);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  // Whatever was written is whole; nothing half-written is left behind.
  expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  // 450 results do not fit in 256 KB: no results.jsonl at all, rather than the part that fitted.
  expect(existsSync(join(out, 'results.jsonl'))).toBe(false);
});
