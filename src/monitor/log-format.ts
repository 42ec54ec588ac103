import { UsageError } from '../spec/index.js';

/**
 * The log formats `monitor ingest --format` (and `POST /api/ingest?format=`) name. `auto` detects
 * the format line by line; naming one checks every line against it, so a line that is not that
 * format is reported as what it lacks, not guessed as another.
 */
export const LOG_FORMATS = ['auto', 'chat', 'openai-chat', 'flat', 'openai-responses', 'anthropic-messages', 'otel-genai'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export function parseLogFormat(value: string, what = '--format'): LogFormat {
  if ((LOG_FORMATS as readonly string[]).includes(value)) return value as LogFormat;
  throw new UsageError(`${what} expects one of ${LOG_FORMATS.join(', ')}; got "${value}"`);
}
