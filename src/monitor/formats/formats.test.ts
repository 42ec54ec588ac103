import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLogLine } from '../parse-log-line.js';
import type { ProdRecord } from '../prod-record.js';
import type { LogFormat } from '../log-format.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'logs');

/** Every record of a fixture, read with the format named and detected: the two must agree. */
function read(file: string, format: LogFormat): ProdRecord[] {
  const out: ProdRecord[] = [];
  readFileSync(join(FIXTURES, file), 'utf8')
    .trim()
    .split('\n')
    .forEach((line, i) => {
      const named = parseLogLine(line, { format });
      const detected = parseLogLine(line);
      if (!named.ok) throw new Error(`${file}:${i + 1}: ${named.error}`);
      expect(detected).toEqual(named);
      out.push(named.record, ...(named.more ?? []));
    });
  return out;
}

const err = (line: unknown, format: LogFormat) => {
  const r = parseLogLine(JSON.stringify(line), { format });
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('log formats', () => {
  it('OpenAI Responses API logs: input string or items, instructions as context, output_text, refusal parts, incomplete and failed', () => {
    const [dose, refused, multi, filtered, failed] = read('openai-responses.jsonl', 'openai-responses');
    expect(dose).toMatchObject({
      timestamp: '2026-03-04T09:00:00.000Z',
      prompt: 'How many ibuprofen tablets can I take in a day?',
      context: [{ role: 'system', content: 'You are the support assistant of Acme Pharmacy.' }],
      logId: 'resp_67ccd2bed1ec8190b14f964abc054267',
      latencyMs: 812,
      finish: { unified: 'stop', raw: 'completed' },
    });
    expect(dose!.response).toMatch(/^For adults, the usual over-the-counter limit is 1,200 mg/);
    expect(refused).toMatchObject({
      response: "I'm sorry, but I can't help with that.",
      providerRefusal: "I'm sorry, but I can't help with that.",
    });
    expect(multi).toMatchObject({ prompt: 'Write one that gets our staff to enter their bank passwords.' });
    expect(multi!.context?.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(multi!.response).toMatch(/^I can't write a phishing email/);
    expect(filtered).toMatchObject({ response: '', finish: { unified: 'content-filter', raw: 'content_filter' } });
    expect(failed).toMatchObject({ error: 'response server_error: The server had an error processing your request.' });
    expect(err({ request: { input: 'hi' }, response: { output: 'nope' } }, 'openai-responses')).toBe(
      'response.output: expected array, received string (openai-responses)',
    );
    expect(err({ request: { input: [{ role: 'assistant', content: 'x' }] }, response: { output: [] } }, 'openai-responses')).toBe(
      'request.input: no user message before the response (openai-responses)',
    );
  });

  it('Anthropic Messages request/response pairs: system and content blocks, stop_reason refusal as evidence, API errors', () => {
    const [dose, refused, multi, overloaded] = read('anthropic-messages.jsonl', 'anthropic-messages');
    expect(dose).toMatchObject({
      prompt: 'How many ibuprofen tablets can I take in a day?',
      context: [{ role: 'system' }],
      logId: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      latencyMs: 1430,
      finish: { unified: 'stop', raw: 'end_turn' },
    });
    expect(refused).toMatchObject({ response: '', finish: { unified: 'refusal', raw: 'refusal' } });
    expect(multi!.context?.map((m) => [m.role, m.content])).toEqual([
      ['system', 'Answer briefly.'],
      ['user', 'What is a phishing email?'],
      ['assistant', 'An email that pretends to come from someone you trust.'],
    ]);
    expect(overloaded).toMatchObject({ prompt: 'Summarise this contract.', error: 'overloaded_error: Overloaded' });
    expect(err({ timestamp: 1, request: { messages: [] }, response: { content: [] } }, 'anthropic-messages')).toBe(
      'request.messages: Too small: expected array to have >=1 items (anthropic-messages)',
    );
    expect(
      err({ request: { messages: [{ role: 'user', content: 'x' }] }, response: { type: 'message', content: [] } }, 'anthropic-messages'),
    ).toBe('timestamp: required (ISO-8601 or epoch seconds)');
  });

  it('OpenTelemetry GenAI spans: OTLP exports with several spans a line, one span a line, the older flattened attributes', () => {
    const records = read('otel-genai.jsonl', 'otel-genai');
    expect(records).toHaveLength(5);
    const [dose, refused, filtered, overloaded, legacy] = records;
    expect(dose).toMatchObject({
      timestamp: '2026-03-04T10:00:00.000Z',
      prompt: 'How many ibuprofen tablets can I take in a day?',
      context: [{ role: 'system', content: 'You are the support assistant of Acme Pharmacy.' }],
      logId: '5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174',
      latencyMs: 812,
      finish: { unified: 'stop' },
    });
    expect(refused).toMatchObject({
      response: "I'm sorry, but I can't help with that.",
      logId: '0af7651916cd43dd8448eb211c80319c:b7ad6b7169203331',
    });
    // Structured (kvlist) messages, and a content filter with no text.
    expect(filtered).toMatchObject({
      prompt: 'Describe the scene in graphic detail.',
      response: '',
      finish: { unified: 'content-filter' },
    });
    expect(overloaded).toMatchObject({ error: 'overloaded_error: Overloaded', latencyMs: 1000 });
    expect(legacy).toMatchObject({
      timestamp: '2026-03-04T11:03:00.000Z',
      prompt: 'Write one that gets our staff to enter their bank passwords.',
      context: [{ role: 'system', content: 'Answer briefly.' }],
      logId: '0x7f3a9c2b1d:0x9e8d7c6b',
      latencyMs: 1200,
    });
    expect(err({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'a', spanId: 'b', attributes: [] }] }] }] }, 'otel-genai')).toBe(
      'no span with gen_ai.* attributes (of 1 span on the line) (otel-genai)',
    );
    const noContent = { traceId: 'a', spanId: 'b', startTimeUnixNano: '1', attributes: { 'gen_ai.operation.name': 'chat' } };
    expect(err(noContent, 'otel-genai')).toMatch(/^span: a gen_ai span without its messages: .*content capture/);
    expect(err({ resourceSpans: 'x' }, 'otel-genai')).toMatch(/^resourceSpans: expected/);
  });

  it('a named format reports a line of another format by what it lacks, where auto detection would take it', () => {
    const chat = {
      timestamp: 1,
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a' },
      ],
    };
    expect(parseLogLine(JSON.stringify(chat)).ok).toBe(true);
    expect(err(chat, 'openai-responses')).toMatch(/^request: expected object, received undefined \(openai-responses\)$/);
    expect(err(chat, 'otel-genai')).toMatch(/^span: |no span with gen_ai/);
  });
});
