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
  it('prints the verdict and the gate first, then the headline; --fail-on-regression exits 1; md and json for tools', async () => {
    const d = tmp();
    const a = writeDrillDir(join(d, 'a'), scriptedDrill(principledModel, { runId: 'before' }));
    const b = writeDrillDir(join(d, 'b'), scriptedDrill(cannedModel, { runId: 'after' }));
    const r = await run(['compare', a, b]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'compare A → B',
      '  A  before · scripted:test · 108 cases · 1970-01-01T00:00:00.000Z',
      '  B  after · scripted:test · 108 cases · 1970-01-01T00:00:00.000Z',
    ]);
    expect(lines[5]).toBe('B is worse than A');
    expect(r.out).toMatch(/^gate under the default policy: A passed → B failed 1 of 6 rules\n {2}newly failing: hold_all_k$/m);
    expect(r.out.indexOf('B is worse')).toBeLessThan(r.out.indexOf('headline'));
    expect(r.out.indexOf('headline')).toBeLessThan(r.out.indexOf('new failures (held in A, broke in B): 27 cases'));
    const md = await run(['compare', a, b, '--format', 'md']);
    expect(md.out.split('\n')[0]).toBe('## refusal-drill compare: B is worse than A');
    expect((await run(['compare', a, b, '--fail-on-regression'])).code).toBe(1);
    expect((await run(['compare', a, a, '--fail-on-regression'])).code).toBe(0);
    const json = JSON.parse((await run(['compare', a, b, '--format', 'json'])).out);
    expect(json.newFailures.length).toBe(27);
    expect(json.verdict.outcome).toBe('worse');
    expect((await run(['compare', a, b, '--format', 'xml'])).code).toBe(2);
  });
});
