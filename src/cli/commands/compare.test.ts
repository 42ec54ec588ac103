import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { cannedModel, principledModel, scriptedDrill } from '../../../test/helpers/scripted-drill.js';
import { writeDrillDir } from '../../../test/helpers/write-drill.js';
import { main } from '../main.js';

const tmp = useTmpDir();

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'refusal-drill', ...args], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: false,
    env: {},
  });
  return { code, out, err };
}

describe('refusal-drill compare', () => {
  it('prints new failures first, then metric changes outside the noise; --fail-on-regression exits 1', async () => {
    const d = tmp();
    const a = writeDrillDir(join(d, 'a'), scriptedDrill(principledModel, { runId: 'before' }));
    const b = writeDrillDir(join(d, 'b'), scriptedDrill(cannedModel, { runId: 'after' }));
    const r = await run(['compare', a, b]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('compare before (scripted:test) → after (scripted:test)');
    expect(lines.findIndex((l) => l.startsWith('new failures'))).toBeLessThan(lines.findIndex((l) => l.startsWith('outside the noise')));
    expect(r.out).toMatch(/gate rules newly failing: hold_all_k/);
    expect((await run(['compare', a, b, '--fail-on-regression'])).code).toBe(1);
    expect((await run(['compare', a, a, '--fail-on-regression'])).code).toBe(0);
    const json = JSON.parse((await run(['compare', a, b, '--format', 'json'])).out);
    expect(json.newFailures.length).toBeGreaterThan(0);
    expect((await run(['compare', a, b, '--format', 'xml'])).code).toBe(2);
  });
});
