import { describe, expect, it } from 'vitest';
import { fnTarget } from '../../test/helpers/fn-target.js';
import { UsageError } from '../spec/index.js';
import { createJudge, DEFAULT_JUDGE } from './create-judge.js';

describe('createJudge', () => {
  it('builds each offline judge and names it', () => {
    for (const spec of ['rules', 'model', 'cascade']) expect(createJudge(spec).id).toBe(spec);
    expect(createJudge(DEFAULT_JUDGE).id).toBe(DEFAULT_JUDGE);
  });

  it('builds LLM judges from a target factory it is given', () => {
    const asked: string[] = [];
    const make = (spec: string) => {
      asked.push(spec);
      return fnTarget(() => '{"verdict":"refusal"}');
    };
    expect(createJudge('llm:openai:gpt-4o-mini', { makeTarget: make }).id).toBe('llm:openai:gpt-4o-mini');
    expect(createJudge('cascade:llm:anthropic:claude', { makeTarget: make }).id).toBe('cascade:llm:anthropic:claude');
    expect(asked).toEqual(['openai:gpt-4o-mini', 'anthropic:claude']);
  });

  it('fails with a usage error naming the valid specs', () => {
    expect(() => createJudge('gpt4')).toThrow(UsageError);
    expect(() => createJudge('gpt4')).toThrow(/rules, model, .*cascade/);
    expect(() => createJudge('llm:')).toThrow(/name the judge model's target/);
    expect(() => createJudge('llm:openai:x')).toThrow(/needs a target/);
  });
});
