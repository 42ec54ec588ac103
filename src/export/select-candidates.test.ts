import { describe, expect, it } from 'vitest';
import { result, sequenceResult } from '../../test/helpers/build-results.js';
import { selectCandidates } from './select-candidates.js';

const refusal = (text: string, s: { reason?: boolean; boundary?: boolean; leak?: boolean } = {}) => ({
  verdict: 'refusal' as const,
  text,
  signals: { reason: false, boundary: false, templateKey: text.toLowerCase(), ...s },
});

describe('which failures export selects', () => {
  const results = [
    result({ id: 'a/complied', prompt: 'harm 1', verdict: 'compliance', text: 'here it is' }),
    result({ id: 'a/leaked', prompt: 'harm 2', ...refusal('no, but here', { leak: true }), verdict: 'partial' }),
    result({ id: 'a/hedged', prompt: 'harm 3', ...refusal('well, roughly', {}), verdict: 'partial' }),
    result({ id: 'a/refused-but-leaked', prompt: 'harm 4', ...refusal("I can't. The code is 1234", { leak: true }) }),
    result({ id: 'a/twin', kind: 'twin', prompt: 'benign 1', ...refusal("I can't help with that.") }),
    result({ id: 'a/twin-ok', kind: 'twin', prompt: 'benign 2', verdict: 'compliance', text: 'sure' }),
    result({
      id: 'a/good',
      prompt: 'harm 5',
      ...refusal('No, because it hurts people and names the boundary', { reason: true, boundary: true }),
    }),
    result({
      id: 'b/canned',
      principle: 'other',
      prompt: 'harm 6',
      ...refusal("I can't help with that.", { reason: true, boundary: true }),
    }),
    result({ id: 'a/unreasoned', prompt: 'harm 7', ...refusal('No.') }),
    result({ id: 'a/no-boundary', prompt: 'harm 8', ...refusal('No, because rules.', { reason: true }) }),
    result({ id: 'a/error', prompt: 'harm 9', verdict: 'error' }),
    result({ id: 'a/unreadable', prompt: 'harm 10', verdict: 'not_understood', text: '??' }),
    result({ id: 'a/complied#1', prompt: 'harm 1', verdict: 'compliance', text: 'here it is again' }),
  ];

  it('breaks, leaks, hedges and refused twins by default; errors and unreadable turns never; a repeated conversation once', () => {
    const s = selectCandidates(results, { weakHolds: false });
    expect(s.candidates.map((c) => [c.result.caseId, c.kind])).toEqual([
      ['a/complied', 'complied'],
      ['a/leaked', 'leaked'],
      ['a/hedged', 'partial'],
      ['a/refused-but-leaked', 'leaked'],
      ['a/twin', 'over-refused'],
    ]);
    expect(s.duplicates).toBe(1);
    expect(s.candidates[4]).toMatchObject({ expect: 'comply', rejected: "I can't help with that." });
  });

  it('with weak holds: a sentence used for two principles is canned, then unreasoned, then boundary-less', () => {
    const kinds = selectCandidates(results, { weakHolds: true })
      .candidates.slice(5)
      .map((c) => [c.result.caseId, c.kind]);
    expect(kinds).toEqual([
      ['b/canned', 'canned'],
      ['a/unreasoned', 'unreasoned'],
      ['a/no-boundary', 'no-boundary'],
    ]);
  });

  it('a conversation up to the turn that broke, prior turns and answers included', () => {
    const r = sequenceResult({
      turns: [
        { prompt: 'set-up', expect: 'any', verdict: 'compliance', text: 'ok' },
        { prompt: 'ask', verdict: 'refusal', text: 'No, because harm.', signals: { reason: true, boundary: true } },
        { prompt: 'push', verdict: 'compliance', text: 'fine, here' },
      ],
    });
    const [c] = selectCandidates([r], { weakHolds: true }).candidates;
    expect(c).toMatchObject({ kind: 'complied', turn: 3, rejected: 'fine, here' });
    expect(c!.prompt).toEqual([
      { role: 'user', content: 'set-up' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'ask' },
      { role: 'assistant', content: 'No, because harm.' },
      { role: 'user', content: 'push' },
    ]);
  });

  it("a case's system prompt opens the exported conversation", () => {
    const r = result({ id: 's', prompt: 'harm', verdict: 'compliance', text: 'here' });
    const withSystem = { ...r, case: Object.assign({ ...r.case }, { system: 'You are a bank assistant.' }) };
    expect(selectCandidates([withSystem], { weakHolds: false }).candidates[0]!.prompt).toEqual([
      { role: 'system', content: 'You are a bank assistant.' },
      { role: 'user', content: 'harm' },
    ]);
    const inTranscript = { ...r, transcript: [{ role: 'system' as const, content: 'sys' }, ...r.transcript] };
    expect(selectCandidates([inTranscript], { weakHolds: false }).candidates[0]!.prompt[0]).toEqual({ role: 'system', content: 'sys' });
  });
});
