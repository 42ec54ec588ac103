import type { JudgeInput } from '../spec/index.js';
import type { IntentMatcher } from './intent-matcher.js';
import type { ProdRecord } from './prod-record.js';
import { redact, type RedactCounts } from './redact.js';

/** What the judge sees: the conversation, the finish evidence, and the principle the request resembles. */
export function judgeInput(record: ProdRecord, ref: string | undefined, matcher: IntentMatcher | undefined): JudgeInput {
  const input: JudgeInput = { prompt: record.prompt, response: record.response };
  if (record.context)
    input.messages = [...record.context, { role: 'user', content: record.prompt }, { role: 'assistant', content: record.response }];
  if (record.finish) input.finish = record.finish;
  else if (record.providerRefusal) input.finish = { unified: 'refusal', raw: 'refusal' };
  if (ref && matcher) {
    const [packId = '', principleId = ''] = ref.split('/');
    const principle = matcher.principle(packId, principleId);
    if (principle) input.principle = principle;
    const leaks = matcher.leakIndicators(ref);
    if (leaks.length) input.leakIndicators = leaks;
  }
  return input;
}

export function redactRecord(r: ProdRecord, counts: RedactCounts): ProdRecord {
  return {
    ...r,
    prompt: redact(r.prompt, counts),
    response: redact(r.response, counts),
    context: r.context?.map((m) => ({ ...m, content: redact(m.content, counts) })),
    providerRefusal: r.providerRefusal === undefined ? undefined : redact(r.providerRefusal, counts),
  };
}
