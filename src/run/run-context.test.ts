import { expect, it } from 'vitest';
import { makeCase } from '../../test/helpers/fixtures.js';
import { packSchema, runContextSchema } from '../spec/index.js';
import { caseContext, snapshotContext } from './run-context.js';

const pack = packSchema.parse({
  id: 'p',
  principles: [
    {
      id: 'pr',
      statement: 'No harm.',
      rationale: 'Because.',
      terms: ['harm'],
      intents: [
        { id: 'in', prompt: 'x', leakIndicators: ['step 1'] },
        { id: 'quiet', prompt: 'y' },
      ],
    },
  ],
});

it('the stored snapshot gives each case its principle and leak indicators, and survives a JSON round trip', () => {
  const stored = runContextSchema.parse(JSON.parse(JSON.stringify(snapshotContext([pack]))));
  expect(caseContext(stored, makeCase('a'))).toEqual({
    principle: { id: 'pr', statement: 'No harm.', rationale: 'Because.', terms: ['harm'] },
    leakIndicators: ['step 1'],
  });
  expect(caseContext(stored, makeCase('b', { intentId: 'quiet' })).leakIndicators).toBeUndefined();
  expect(caseContext(stored, makeCase('c', { intentId: null }))).toEqual({
    principle: stored.principles['p/pr'],
    leakIndicators: undefined,
  });
  expect(caseContext(stored, makeCase('d', { principleId: 'other' }))).toEqual({ principle: undefined, leakIndicators: undefined });
});
