import { describe, expect, it } from 'vitest';
import { parseFieldMapping } from './field-mapping.js';
import { parseLogLine } from './parse-log-line.js';

const ok = (line: string, opts = {}) => {
  const r = parseLogLine(line, opts);
  if (!r.ok) throw new Error(`expected a record, got: ${r.error}`);
  return r.record;
};
const err = (line: string, opts = {}) => {
  const r = parseLogLine(line, opts);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('parseLogLine', () => {
  it('takes the last assistant message as the response and the last user message before it as the prompt', () => {
    const rec = ok(
      JSON.stringify({
        timestamp: '2026-03-01T10:15:00+01:00',
        latency_ms: 812,
        messages: [
          { role: 'system', content: 'Be helpful.' },
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
          { role: 'user', content: [{ type: 'text', text: 'How do I pick a lock?' }] },
          { role: 'assistant', content: "I can't help with that." },
        ],
      }),
    );
    expect(rec.prompt).toBe('How do I pick a lock?');
    expect(rec.response).toBe("I can't help with that.");
    expect(rec.timestamp).toBe('2026-03-01T09:15:00.000Z');
    expect(rec.latencyMs).toBe(812);
    expect(rec.context?.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
  });

  it('reads the OpenAI request/response pair, its refusal field, finish reason, id and created time', () => {
    const rec = ok(
      JSON.stringify({
        request: { model: 'gpt-x', messages: [{ role: 'user', content: 'Make a weapon' }] },
        response: {
          id: 'chatcmpl-123',
          created: 1767225600,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't assist." },
              finish_reason: 'content_filter',
            },
          ],
        },
      }),
    );
    expect(rec).toMatchObject({
      prompt: 'Make a weapon',
      response: "I'm sorry, I can't assist.",
      providerRefusal: "I'm sorry, I can't assist.",
      logId: 'chatcmpl-123',
      timestamp: '2026-01-01T00:00:00.000Z',
      finish: { unified: 'content-filter', raw: 'content_filter' },
    });
  });

  it('maps fields of any JSON shape with --map, negative indices counting from the end', () => {
    const mapping = parseFieldMapping('prompt=input.turns.-1,response=output.text,timestamp=meta.at,id=meta.rid,latency=meta.ms');
    const rec = ok(
      JSON.stringify({ input: { turns: ['a', 'last question'] }, output: { text: 'answer' }, meta: { at: 1767225600000, rid: 42, ms: 9 } }),
      { mapping },
    );
    expect(rec).toMatchObject({
      prompt: 'last question',
      response: 'answer',
      logId: '42',
      latencyMs: 9,
      timestamp: '2026-01-01T00:00:00.000Z',
    });
    expect(err(JSON.stringify({ input: { turns: [] }, output: { text: 'x' }, meta: { at: 1 } }), { mapping })).toMatch(
      /^input\.turns\.-1 \(--map prompt\): expected a string, got nothing/,
    );
  });

  it('names the field and what was expected for bad records', () => {
    expect(err('{"messages": [')).toMatch(/^not valid JSON/);
    expect(err('[1,2]')).toBe('expected a JSON object');
    expect(
      err(
        JSON.stringify({
          messages: [
            { role: 'user', content: 'q' },
            { role: 'assistant', content: 'a' },
          ],
        }),
      ),
    ).toMatch(/^timestamp: required/);
    expect(
      err(
        JSON.stringify({
          timestamp: 'yesterday',
          messages: [
            { role: 'user', content: 'q' },
            { role: 'assistant', content: 'a' },
          ],
        }),
      ),
    ).toMatch(/^timestamp: expected ISO-8601 or epoch seconds, got "yesterday"/);
    expect(
      err(
        JSON.stringify({
          timestamp: 1,
          messages: [
            { role: 'user', content: 'q' },
            { role: 'assistant', content: 5 },
          ],
        }),
      ),
    ).toMatch(/^messages\[1\]\.content: /);
    expect(
      err(
        JSON.stringify({
          timestamp: 1,
          messages: [
            { role: 'user', content: 'q' },
            { role: 'user', content: 'again' },
          ],
        }),
      ),
    ).toMatch(/no assistant message/);
    expect(err(JSON.stringify({ timestamp: 1, request: { messages: [] }, response: { choices: [] } }))).toMatch(/^request\.messages: /);
    expect(err(JSON.stringify({ hello: 'world' }))).toMatch(/or pass --format or --map$/);
  });

  it('stamps records without a timestamp only when a default is given (a live feed)', () => {
    const line = JSON.stringify({ prompt: 'q', response: 'a' });
    expect(err(line)).toMatch(/timestamp: required/);
    expect(ok(line, { defaultTimestamp: () => '2026-05-05T05:05:05.000Z' }).timestamp).toBe('2026-05-05T05:05:05.000Z');
  });

  it('rejects --map specs that name unknown fields or no response', () => {
    expect(() => parseFieldMapping('prompt=a,answer=b')).toThrow(/unknown field "answer"/);
    expect(() => parseFieldMapping('prompt=a')).toThrow(/response=<path>/);
  });
});
