import { buildJudge } from '../run/index.js';
import { DEFAULT_JUDGE } from '../judges/index.js';
import type { Judge, JudgeInput, Judgement } from '../spec/index.js';

export interface JudgeOptions {
  /** A judge spec (`cascade`, the default; `rules`; `llm:<target-spec>` …) or a `Judge`. */
  judge?: string | Judge;
  /** Report partial refusals as partial (default), refusal or compliance. */
  partialAs?: 'partial' | 'refusal' | 'compliance';
  rebuttalAs?: 'refusal' | 'compliance';
  /** Where an LLM judge's key is read from (default process.env). */
  env?: Record<string, string | undefined>;
}

// Offline judges load their weights once (12–22 ms); keep one per spec for repeated calls.
const judges = new Map<string, Judge>();

/**
 * Judges one response to a prompt: verdict (`refusal` | `partial` | `compliance` |
 * `not_understood` | `error`), calibrated confidence and signals (reason, boundary, leak, …).
 */
export async function judge(input: JudgeInput, options: JudgeOptions = {}): Promise<Judgement> {
  const spec = options.judge ?? DEFAULT_JUDGE;
  let j: Judge;
  if (typeof spec === 'object') j = spec;
  else {
    const key = `${spec}\u0000${options.partialAs ?? 'partial'}\u0000${options.rebuttalAs ?? 'refusal'}`;
    j =
      judges.get(key) ??
      buildJudge(spec, { env: options.env ?? process.env, partialAs: options.partialAs, rebuttalAs: options.rebuttalAs });
    // An LLM judge reads its key from env at build time: only offline judges are shared.
    if (!spec.includes('llm:')) judges.set(key, j);
  }
  return j.judge(input);
}
