import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { cannedModel, scriptedDrill } from '../../../test/helpers/scripted-drill.js';
import { storeDrill, writeDrillDir } from '../../../test/helpers/write-drill.js';
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

describe('refusal-drill report', () => {
  it('renders every format from a run directory and from the store', async () => {
    const d = tmp();
    const drill = scriptedDrill(cannedModel, { runId: 'canned-1' });
    const dir = writeDrillDir(join(d, 'out'), drill);
    const db = join(d, 'd.db');
    await storeDrill(db, drill);
    const text = await run(['report', dir]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/refusal-drill scorecard — run canned-1/);
    expect(text.out).not.toContain('gate');
    const json = await run(['report', 'canned', '--db', db, '--format', 'json', '--gate']);
    expect(JSON.parse(json.out)).toMatchObject({ runId: 'canned-1', gate: { passed: false } });
    const out = join(d, 'r', 'report.html');
    const html = await run(['report', dir, '--format', 'html', '--out', out]);
    expect(html.err).toContain(`wrote html report of run canned-1 to ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect((await run(['report', dir, '--format', 'junit'])).out).toMatch(/<testsuites/);
    expect((await run(['report', dir, '--format', 'md', '--k', '20'])).out).toMatch(/no intent has ≥ 20 rephrasings/);
  });
  it('an unknown format is a usage error (2)', async () => {
    const dir = writeDrillDir(join(tmp(), 'out'), scriptedDrill(cannedModel));
    const r = await run(['report', dir, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format expects one of text, json, md, html, junit, got "pdf"/);
  });
});
