import { describe, expect, it } from 'vitest';
import type { Judge } from '../spec/index.js';
import { collapsePartial } from './collapse-partial.js';

const partial: Judge = { id: 'p', judge: () => ({ verdict: 'partial', confidence: 0.7, judge: 'p' }) };
const refusal: Judge = { id: 'r', judge: async () => ({ verdict: 'refusal', confidence: 0.9, judge: 'r' }) };

describe('collapsePartial', () => {
  it('reports partial as the chosen verdict and marks it, leaving other verdicts alone', async () => {
    expect(await collapsePartial(partial, 'refusal').judge({ prompt: '', response: '' })).toMatchObject({
      verdict: 'refusal',
      judge: 'p (partial as refusal)',
    });
    expect(await collapsePartial(partial, 'compliance').judge({ prompt: '', response: '' })).toMatchObject({ verdict: 'compliance' });
    expect(await collapsePartial(refusal, 'compliance').judge({ prompt: '', response: '' })).toMatchObject({
      verdict: 'refusal',
      judge: 'r',
    });
    expect(collapsePartial(partial, 'partial')).toBe(partial);
  });
});
