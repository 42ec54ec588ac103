import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test/helpers/fixtures.js';
import { checkResume } from './check-resume.js';
import type { RunSettings } from './run-settings.js';

const run = makeRun({
  id: 'r1',
  options: {
    ...makeRun().options,
    judge: 'cascade',
    targetSpec: 'openai:a',
    baseUrl: 'http://h/v1',
    packRefs: ['xstest'],
    mutate: ['fiction'],
    samples: 2,
    cache: true,
    reuse: '20260101-000000-abcdef',
  },
});

describe('checkResume', () => {
  it.each<[Partial<RunSettings>, string]>([
    [{ target: 'openai:b' }, '--target "openai:b"'],
    [{ baseUrl: 'http://other/v1' }, '--base-url "http://other/v1"'],
    [{ packRefs: ['xstest', 'self-harm'] }, 'the packs xstest, self-harm'],
    [{ judge: 'rules' }, '--judge "rules"'],
    [{ partialAs: 'compliance' }, '--partial-as "compliance"'],
    [{ rebuttalAs: 'compliance' }, '--rebuttal-as "compliance"'],
    [{ mutate: ['base64'] }, '--mutate base64'],
    [{ samples: 3 }, '--samples 3'],
    [{ seed: 7 }, '--seed 7'],
    [{ temperature: 0.5 }, '--temperature 0.5'],
    [{ maxTokens: 10 }, '--max-tokens 10'],
    [{ attacker: 'openai:x' }, '--attacker "openai:x"'],
    [{ adaptive: 8 }, '--adaptive 8'],
    [{ cache: false }, '--no-cache'],
    [{ reuse: 'any' }, '--cache / --reuse'],
    [{ reuse: '20250101' }, '--cache / --reuse'],
    [{ system: 'You are a pirate.' }, '--system'],
  ])('refuses %o, naming the flag', (asked, named) => {
    expect(() => checkResume(run, asked)).toThrow(`${named} would change what run r1 measures`);
  });

  it('takes the same values again, and options that change only how fast or where', () => {
    expect(() =>
      checkResume(run, {
        target: 'openai:a',
        baseUrl: 'http://h/v1',
        packRefs: ['xstest'],
        judge: 'cascade',
        partialAs: 'partial',
        rebuttalAs: 'refusal',
        mutate: ['fiction'],
        samples: 2,
        seed: 1,
        cache: true,
        reuse: '20260101',
        out: '/elsewhere',
      }),
    ).not.toThrow();
  });

  it('says what the run started with', () => {
    expect(() => checkResume(run, { cache: false })).toThrow('it was started with its own answers reused.');
    expect(() => checkResume(run, { reuse: 'any' })).toThrow('it was started with --reuse 20260101-000000-abcdef.');
    expect(() => checkResume(run, { attacker: 'openai:x' })).toThrow('it was started with none.');
  });

  it('never takes a calibration: the run keeps the one it started with', () => {
    expect(() => checkResume(run, { calibration: 'cal.json' })).toThrow('--calibration cannot change a run being resumed');
  });
});
