import type { Finish, Message } from '../spec/index.js';

/** One production exchange, normalised from whichever log format it came in. */
export interface ProdRecord {
  /** ISO-8601, as normalised from the log's timestamp. */
  timestamp: string;
  tsMs: number;
  /** The last user message before the response. */
  prompt: string;
  response: string;
  /** Earlier turns (system prompt, previous exchanges) when the conversation had more than one user turn. */
  context?: Message[];
  /** The log's own id (`id`, OpenAI's `chatcmpl-…`), preferred over the line number for identity. */
  logId?: string;
  latencyMs?: number;
  finish?: Finish;
  providerRefusal?: string;
  /**
   * The log says the generation failed (a provider error, a failed response, a span with error
   * status): stored as verdict `error`, never judged, so it counts in the error rate and in no other.
   */
  error?: string;
}

/** One line's records: usually one; an OpenTelemetry export line may carry several spans (`more`). */
export type ParseResult = { ok: true; record: ProdRecord; more?: ProdRecord[] } | { ok: false; error: string };
