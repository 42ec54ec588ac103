import { unifiedFinishSchema, type Finish, type UnifiedFinish } from '../spec/index.js';

/** OpenAI-compatible `finish_reason`; unknown values (servers invent their own) become `other`. */
export function mapOpenAIFinish(raw: string | null | undefined): Finish {
  const table: Record<string, UnifiedFinish> = {
    stop: 'stop',
    length: 'length',
    content_filter: 'content-filter',
    tool_calls: 'other',
    function_call: 'other',
  };
  return { unified: (raw && table[raw]) || 'other', raw: raw ?? null };
}

/** Anthropic `stop_reason`. */
export function mapAnthropicStop(raw: string | null | undefined): Finish {
  const table: Record<string, UnifiedFinish> = {
    end_turn: 'stop',
    stop_sequence: 'stop',
    max_tokens: 'length',
    refusal: 'refusal',
  };
  return { unified: (raw && table[raw]) || 'other', raw: raw ?? null };
}

/**
 * A finish from a user's own program or recording: our unified names are taken as they are,
 * then the OpenAI and Anthropic vocabularies; a missing value means the answer was complete.
 */
export function mapAnyFinish(raw: string | null | undefined): Finish {
  if (raw === undefined || raw === null || raw === '') return { unified: 'stop', raw: raw ?? null };
  const unified = unifiedFinishSchema.safeParse(raw);
  if (unified.success) return { unified: unified.data, raw };
  const openai = mapOpenAIFinish(raw);
  if (openai.unified !== 'other' || raw === 'tool_calls' || raw === 'function_call') return openai;
  return mapAnthropicStop(raw);
}
