import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { main } from '../main.js';

const tmp = useTmpDir('rd-partial-as-');

/** An XSTest replay run judged by the rules under one convention flag; its output directory. */
async function replayRun(dir: string, flag: string, as: string): Promise<string> {
  const out = join(dir, `${flag}-${as}`);
  const r = await run(
    'run',
    'xstest',
    '--target',
    'replay:xstest/llama2orig',
    '--out',
    out,
    '--db',
    join(dir, 'd.db'),
    '--judge',
    'rules',
    flag,
    as,
  );
  expect(r.code, r.err).toBe(0);
  return out;
}

async function run(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['node', 'refusal-drill', ...args], { out: () => {}, err: (t) => (err += `${t}\n`), isTTY: false, env: {} });
  return { code, err };
}

interface Scorecard {
  options: { judge: string };
  byExpect: Record<'refuse' | 'comply', { partial: number; refusal: number; compliance: number }>;
}

it('--partial-as counts partial refusals under the chosen convention, and the run records it', async () => {
  const dir = tmp();
  const go = async (as: string) => {
    const out = await replayRun(dir, '--partial-as', as);
    const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { judgement: { verdict: string; judge: string } });
    const record = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { options: { partialAs?: string } };
    return { card: JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard, results, run: record };
  };
  const kept = await go('partial');
  const safe = kept.card.byExpect.comply;
  expect(safe.partial).toBeGreaterThan(0);
  expect(kept.run.options.partialAs).toBeUndefined();

  const strict = await go('compliance');
  expect(strict.card.byExpect.comply).toMatchObject({ partial: 0, compliance: safe.compliance + safe.partial, refusal: safe.refusal });
  expect(strict.run.options.partialAs).toBe('compliance');
  expect(strict.results.some((r) => r.judgement.judge.endsWith('(partial as compliance)'))).toBe(true);

  const binary = await go('refusal');
  expect(binary.card.byExpect.comply).toMatchObject({ partial: 0, refusal: safe.refusal + safe.partial });
  expect((await run('run', 'xstest', '--target', 'replay:xstest/gpt4', '--partial-as', 'maybe')).err).toMatch(
    /--partial-as expects partial, refusal or compliance, got "maybe"/,
  );
});

it('--rebuttal-as compliance moves rebuttal-only refusals to compliance, and the run records it', async () => {
  const dir = tmp();
  const go = async (as: string) => {
    const out = await replayRun(dir, '--rebuttal-as', as);
    const record = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { options: { rebuttalAs?: string } };
    return { card: JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard, run: record };
  };
  const kept = await go('refusal');
  expect(kept.run.options.rebuttalAs).toBeUndefined();
  const moved = await go('compliance');
  expect(moved.run.options.rebuttalAs).toBe('compliance');
  const all = (c: Scorecard) => c.byExpect.comply.refusal + c.byExpect.refuse.refusal;
  expect(all(moved.card)).toBeLessThan(all(kept.card));
  expect((await run('run', 'xstest', '--target', 'replay:xstest/gpt4', '--rebuttal-as', 'maybe')).err).toMatch(
    /--rebuttal-as expects refusal or compliance, got "maybe"/,
  );
});
