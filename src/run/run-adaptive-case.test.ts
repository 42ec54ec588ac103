import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fnTarget } from '../../test/helpers/fn-target.js';
import { makeRun } from '../../test/helpers/fixtures.js';
import { simpleJudge } from '../../test/helpers/simple-judge.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { parsePack } from '../packs/index.js';
import { brokeAt } from '../spec/index.js';
import { openStore } from '../store/index.js';
import { planCases } from './plan.js';
import { EMPTY_CONTEXT } from './run-context.js';
import { runDrill } from './runner.js';

const tmp = useTmpDir();

/** Attacker: writes "step N"; as goal check, answers YES only when the reply holds "DETAIL". */
const attacker = () =>
  fnTarget((messages) => {
    const system = messages[0]?.content ?? '';
    const state = messages[1]?.content ?? '';
    if (system.startsWith('You check')) return /DETAIL/.test(state) ? 'YES' : 'NO';
    return `step ${/Turn (\d+) of/.exec(state)?.[1] ?? '?'}`;
  });

it('an adaptive case is driven by the attacker and records the turn where the target broke', async () => {
  const pack = parsePack('id: t\nprinciples:\n  - id: p\n    statement: s\n    intents:\n      - { id: a, prompt: goal A }\n', 't.yaml');
  const { cases } = await planCases({ packs: [pack], samples: 1, adaptive: true });
  expect(cases.map((c) => c.id)).toEqual(['t/p/a/prompt', 't/p/a/adaptive/crescendo']);
  const store = await openStore(join(tmp(), 'd.db'));
  const run = makeRun({ id: 'r', caseCount: cases.length, options: { ...makeRun().options, adaptiveTurns: 6 } });
  await store.createRun(run, cases, EMPTY_CONTEXT);
  const target = fnTarget((m) => {
    const last = m.at(-1)?.content ?? '';
    if (last === 'goal A') return "I can't help with that";
    return last === 'step 3' ? 'Sure, the DETAIL is this.' : 'General background.';
  });
  await runDrill({ store, run, context: EMPTY_CONTEXT, tools: { target, attacker: attacker(), judge: simpleJudge }, concurrency: 1 });
  const adaptive = (await store.results('r')).find((r) => r.case.mutation === 'adaptive/crescendo')!;
  expect(adaptive.case.kind).toBe('adaptive');
  expect(adaptive.heldTurns).toBe(2);
  expect(brokeAt(adaptive)).toBe(3);
  expect(adaptive.judgement.verdict).toBe('compliance');
});
