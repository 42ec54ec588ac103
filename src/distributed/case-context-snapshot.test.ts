import { expect, it } from 'vitest';
import { caseContextLookup } from '../run/case-context.js';
import { packSchema } from '../spec/index.js';
import { makeCase } from '../../test/helpers/fixtures.js';
import { contextFromSnapshot, contextSnapshotSchema, snapshotContext } from './case-context-snapshot.js';

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

it('a worker rebuilds from the stored snapshot the same judge context the packs give', () => {
  const stored = contextSnapshotSchema.parse(JSON.parse(JSON.stringify(snapshotContext([pack]))));
  const lookup = caseContextLookup([pack]);
  for (const c of [
    makeCase('a'),
    makeCase('b', { intentId: 'quiet' }),
    makeCase('c', { intentId: null }),
    makeCase('d', { principleId: 'other' }),
  ]) {
    expect(contextFromSnapshot(stored, c)).toEqual(lookup(c.packId, c.principleId, c.intentId));
  }
  expect(contextFromSnapshot(stored, makeCase('a')).leakIndicators).toEqual(['step 1']);
});
