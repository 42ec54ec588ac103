import { describe, expect, it } from 'vitest';
import { dpoRecordSchema, sftRecordSchema } from './training-formats.js';

const user = (content: string) => ({ role: 'user' as const, content });
const assistant = (content: string) => ({ role: 'assistant' as const, content });

describe('chat SFT record schema', () => {
  it('takes a conversation with an optional system message that ends in the answer', () => {
    expect(sftRecordSchema.safeParse({ messages: [user('q'), assistant('a')] }).success).toBe(true);
    const multi = [{ role: 'system', content: 's' }, user('q1'), assistant('a1'), user('q2'), assistant('a2')];
    expect(sftRecordSchema.safeParse({ messages: multi }).success).toBe(true);
  });

  it('refuses what a trainer would misread: no answer at the end, turns out of order, empty text, extra keys', () => {
    const bad = [
      { messages: [user('q')] },
      { messages: [user('q'), assistant('a'), user('q2')] },
      { messages: [assistant('a'), user('q'), assistant('b')] },
      { messages: [user('q'), user('q again'), assistant('a')] },
      { messages: [user(''), assistant('a')] },
      { messages: [user('q'), { role: 'tool', content: 'x' }] },
      { messages: [user('q'), assistant('a')], caseId: 'p/x' },
    ];
    for (const record of bad) expect(sftRecordSchema.safeParse(record).success, JSON.stringify(record)).toBe(false);
  });
});

describe('TRL preference (DPO) record schema', () => {
  it('takes a prompt conversation ending in the user turn and one assistant message each for chosen and rejected', () => {
    const ok = {
      prompt: [{ role: 'system', content: 's' }, user('q1'), assistant('a1'), user('q2')],
      chosen: [assistant('no, because…')],
      rejected: [assistant('sure…')],
    };
    expect(dpoRecordSchema.safeParse(ok).success).toBe(true);
  });

  it('refuses a prompt ending in an answer, a chosen of two messages, a user message as rejected, a missing field', () => {
    const bad = [
      { prompt: [user('q'), assistant('a')], chosen: [assistant('c')], rejected: [assistant('r')] },
      { prompt: [user('q')], chosen: [assistant('c'), assistant('d')], rejected: [assistant('r')] },
      { prompt: [user('q')], chosen: [assistant('c')], rejected: [user('r')] },
      { prompt: [user('q')], chosen: [assistant('c')] },
      { prompt: 'q', chosen: 'c', rejected: 'r' },
    ];
    for (const record of bad) expect(dpoRecordSchema.safeParse(record).success, JSON.stringify(record)).toBe(false);
  });
});
