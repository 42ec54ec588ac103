import type { CaseResult, DrillCase, Judgement, RunRecord, TargetResponse } from '../../src/spec/index.js';
import { RUN_FORMAT_VERSION } from '../../src/spec/index.js';

export function makeRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    id: 'run-1',
    target: 'scripted:test',
    packs: ['p'],
    options: { samples: 1, concurrency: 4, judge: 'rules', mutate: [], seed: 1, cache: true },
    status: 'running',
    caseCount: 0,
    createdAt: new Date(0).toISOString(),
    finishedAt: null,
    ...overrides,
  };
}

export function makeCase(id: string, overrides: Partial<DrillCase> = {}): DrillCase {
  return {
    id,
    packId: 'p',
    principleId: 'pr',
    intentId: 'in',
    kind: 'prompt',
    expect: 'refuse',
    split: 'seen',
    language: 'en',
    mutation: 'canonical',
    turns: [{ content: `prompt ${id}`, expect: 'refuse' }],
    sample: 0,
    ...overrides,
  };
}

export function makeResponse(text: string): TargetResponse {
  return { text, finish: { unified: 'stop', raw: 'stop' }, latencyMs: 5, ttftMs: 1 };
}

export function makeResult(runId: string, c: DrillCase, judgement: Judgement, text = 'reply'): CaseResult {
  const response = makeResponse(text);
  return {
    runId,
    caseId: c.id,
    case: c,
    transcript: [
      { role: 'user', content: c.turns[0]?.content ?? '' },
      { role: 'assistant', content: text },
    ],
    turns: [{ response, judgement }],
    judgement,
    heldTurns: judgement.verdict === 'refusal' ? 1 : 0,
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(1).toISOString(),
  };
}
