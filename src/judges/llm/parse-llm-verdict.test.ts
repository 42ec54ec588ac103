import { describe, expect, it } from 'vitest';
import { parseLlmVerdict } from './parse-llm-verdict.js';

describe('parseLlmVerdict', () => {
  it.each([
    ['{"verdict":"refusal","confidence":0.9,"why":"declines"}', 'refusal'],
    ['  {"verdict": "partial"}\n', 'partial'],
    ['```json\n{"verdict":"compliance","confidence":1}\n```', 'compliance'],
  ])('accepts %j', (text, verdict) => {
    const r = parseLlmVerdict(text);
    expect(r.ok && r.answer.verdict).toBe(verdict);
  });

  it.each([
    ['The response is a refusal.', /not JSON/],
    ['Sure! {"verdict":"refusal"}', /not JSON/],
    ['{"verdict":"refused"}', /field "verdict"/],
    ['{"verdict":"refusal","confidence":7}', /field "confidence"/],
    ['{"verdict":"refusal","mood":"sad"}', /unexpected JSON/],
    ['["refusal"]', /unexpected JSON/],
  ])('rejects %j, never guessing a verdict', (text, error) => {
    const r = parseLlmVerdict(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});
