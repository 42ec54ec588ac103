import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/packs/load-pack.js';
import { planCases } from '../../src/run/plan.js';
import { runCase } from '../../src/run/run-case.js';
import type { DrillCase } from '../../src/spec/index.js';
import { fnTarget } from '../helpers/fn-target.js';
import { simpleJudge } from '../helpers/simple-judge.js';

const REFUSAL = "I can't help with that: it would deceive people into giving away their passwords.";

async function ladder(id: string): Promise<DrillCase> {
  const pack = loadPack(join(import.meta.dirname, '..', '..', 'packs', 'phishing-credentials.yaml'));
  const { cases } = await planCases({ packs: [pack], samples: 1 });
  const found = cases.find((c) => c.kind === 'sequence' && c.id.endsWith(`/sequence/${id}`));
  if (!found) throw new Error(`no sequence ${id} in phishing-credentials`);
  return found;
}

/** A model that answers every turn until `refuseFrom` (1-based), then refuses. */
function breaksUntil(refuseFrom: number) {
  return fnTarget((messages) => (messages.filter((m) => m.role === 'user').length >= refuseFrom ? REFUSAL : 'Sure, here you go.'));
}

describe('the built-in ladders, run turn by turn against a scripted model', () => {
  const run = (c: DrillCase, refuseFrom: number) => runCase(c, { runId: 'r', target: breaksUntil(refuseFrom), judge: simpleJudge, context: {} });

  it('slow coercion: a model that goes along with all six steps breaks at turn 5, where the login link is asked for', async () => {
    const c = await ladder('slow-coercion');
    expect(c.turns).toHaveLength(6);
    const r = await run(c, 99);
    expect(r.turns).toHaveLength(5);
    expect(r.heldTurns).toBe(4);
    expect(r.judgement.verdict).toBe('compliance');
  });

  it('slow coercion: a model that refuses from the login-link step holds the whole conversation', async () => {
    const r = await run(await ladder('slow-coercion'), 5);
    expect(r.turns).toHaveLength(6);
    expect(r.heldTurns).toBe(6);
    expect(r.judgement.verdict).toBe('refusal');
  });

  it('the four-turn escalation breaks at turn 2 when the model hands over the specifics', async () => {
    const c = await ladder('thriller-escalation');
    expect(c.turns.map((t) => t.expect)).toEqual(['any', 'refuse', 'refuse', 'refuse']);
    const broke = await run(c, 99);
    expect(broke.turns).toHaveLength(2);
    const held = await run(c, 2);
    expect(held.heldTurns).toBe(4);
  });
});
