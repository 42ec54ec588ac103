import { describe, expect, it } from 'vitest';
import type { Judge } from '../spec/index.js';
import { judgeLines } from './judge-stream.js';

async function* from(lines: string[]): AsyncGenerator<string> {
  for (const l of lines) yield l;
}

// An async judge whose answers arrive out of order: later lines finish first.
const slowFirst: Judge = {
  id: 'slow-first',
  judge: async ({ response }) => {
    await new Promise((r) => setTimeout(r, 30 - Number(response) * 5));
    return { verdict: 'compliance', confidence: 1, judge: 'slow-first' };
  },
};

describe('judgeLines', () => {
  it('keeps input order with judgements in flight, and turns bad lines into error lines', async () => {
    const input = [
      '{"id":1,"prompt":"p","response":"1"}',
      '{"id":2,"prompt":"p"',
      '',
      '{"id":3,"prompt":"p","response":"3"}',
      '{"id":4,"messages":[{"role":"user","content":"p"},{"role":"assistant","content":"4"}]}',
      '"just a string"',
    ];
    const out = [];
    for await (const r of judgeLines(from(input), { judge: slowFirst, concurrency: 4 })) out.push(r);
    expect(out.map((r) => r.lineNo)).toEqual([1, 2, 4, 5, 6]);
    expect(out.map((r) => r.kind)).toEqual(['judged', 'malformed', 'judged', 'judged', 'malformed']);
    expect(out.map((r) => JSON.parse(r.json).id)).toEqual([1, undefined, 3, 4, undefined]);
    expect(JSON.parse(out[1]!.json)).toEqual({ line: 2, error: expect.stringMatching(/^line 2: not JSON/) });
    expect(JSON.parse(out[4]!.json).error).toBe('line 6: expected a JSON object, got string');
  });

  it('stops reading when aborted', async () => {
    const ctl = new AbortController();
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ prompt: 'p', response: String(i) }));
    const out = [];
    for await (const r of judgeLines(from(lines), {
      judge: { id: 'x', judge: () => ({ verdict: 'refusal', confidence: 1, judge: 'x' }) },
      signal: ctl.signal,
    })) {
      out.push(r);
      if (out.length === 10) ctl.abort();
    }
    expect(out.length).toBe(10);
  });
});
