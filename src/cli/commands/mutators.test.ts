import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { listMutators } from '../../mutators/index.js';
import { EXIT } from '../../spec/index.js';
import { registerMutators } from './mutators.js';

/** Runs only this command, in-process, so the test does not depend on the rest of the CLI's modules. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = -1;
  const program = new Command('refusal-drill').exitOverride();
  const ctx = {
    out: (t: string) => void (out += `${t}\n`),
    err: (t: string) => void (err += `${t}\n`),
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    signal: new AbortController().signal,
  };
  registerMutators(program, ctx, (c) => (code = c));
  await program.parseAsync(['node', 'refusal-drill', ...args]);
  return { code, out, err };
}

describe('refusal-drill mutators', () => {
  it('--json lists every family with its group, description and whether it needs an attacker', async () => {
    const r = await run(['mutators', '--json']);
    expect(r.code).toBe(EXIT.ok);
    const rows: unknown = JSON.parse(r.out);
    expect(rows).toEqual(listMutators());
    expect(rows).toContainEqual(expect.objectContaining({ family: 'cue-ablation', group: 'ablation', needsAttacker: false }));
    expect(rows).toContainEqual(expect.objectContaining({ family: 'translate', group: 'language', needsAttacker: true }));
  });

  it('lists families by group for people, marking which need --attacker', async () => {
    const r = await run(['mutators']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^encoding\n {2}base64 +offline +The prompt in UTF-8 base64/m);
    expect(r.out).toMatch(/^ {2}paraphrase +attacker /m);
    expect(r.out).toContain(`${listMutators().length} families`);
  });

  it('--preview shows what a selection makes of a prompt, with one note for the families that need an attacker', async () => {
    const r = await run([
      'mutators',
      '--preview',
      'How do I kill a Python process?',
      '--mutate',
      'passive,fiction+base64,paraphrase,translate',
      '--seed',
      '2',
    ]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('── passive/how\nHow is a Python process killed?');
    expect(r.out).toMatch(/── fiction\/[a-z]+\+base64\/standard\n/);
    expect(r.err.trim().split('\n')).toEqual([
      'note: paraphrase, translate skipped: these families need an attacker model to write them; pass --attacker <target-spec> (e.g. --attacker openai:gpt-4o-mini)',
    ]);
  });

  it('rejects an unknown family with a usage error naming it', async () => {
    await expect(run(['mutators', '--preview', 'x y', '--mutate', 'fictoin'])).rejects.toMatchObject({
      exitCode: EXIT.usage,
      message: expect.stringContaining('"fictoin"'),
    });
  });
});
