import type { z } from 'zod';
import { chatLogSchema, pairLogSchema, type ChatMessage } from './log-formats.js';

export type ChatLog = z.infer<typeof chatLogSchema>;
export type PairLog = z.infer<typeof pairLogSchema>;

/**
 * Hand-written checks for the two common shapes: a validated parse of a well-formed line in a
 * fraction of a schema's time. Anything they do not accept goes to the zod schema, which either
 * accepts it too or says exactly which field is wrong.
 */
export function fastChat(o: Record<string, unknown>): ChatLog | undefined {
  const { messages } = o;
  if (!Array.isArray(messages) || messages.length < 2 || !messages.every(isMessage)) return undefined;
  if (!commonFields(o)) return undefined;
  return o as ChatLog;
}

export function fastPair(o: Record<string, unknown>): PairLog | undefined {
  const req = o.request;
  const res = o.response;
  if (!isObject(req) || !isObject(res) || !commonFields(o)) return undefined;
  if (!Array.isArray(req.messages) || req.messages.length < 1 || !req.messages.every(isMessage)) return undefined;
  if (!(res.id === undefined || typeof res.id === 'string') || !(res.created === undefined || typeof res.created === 'number'))
    return undefined;
  const choices = res.choices;
  if (!Array.isArray(choices) || choices.length < 1) return undefined;
  for (const c of choices) {
    if (!isObject(c) || !isMessage(c.message)) return undefined;
    if (!(c.finish_reason === undefined || c.finish_reason === null || typeof c.finish_reason === 'string')) return undefined;
  }
  return o as PairLog;
}

function commonFields(o: Record<string, unknown>): boolean {
  const t = o.timestamp;
  if (!(t === undefined || typeof t === 'string' || typeof t === 'number')) return false;
  if (!(o.id === undefined || typeof o.id === 'string' || typeof o.id === 'number')) return false;
  return latencyOk(o.latency_ms) && latencyOk(o.latencyMs) && latencyOk(o.duration_ms);
}

function latencyOk(v: unknown): boolean {
  return v === undefined || (typeof v === 'number' && v >= 0);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMessage(v: unknown): v is ChatMessage {
  if (!isObject(v) || typeof v.role !== 'string') return false;
  const c = v.content;
  if (!(c === undefined || c === null || typeof c === 'string' || (Array.isArray(c) && c.every(isPart)))) return false;
  return v.refusal === undefined || v.refusal === null || typeof v.refusal === 'string';
}

function isPart(p: unknown): boolean {
  return isObject(p) && (p.type === undefined || typeof p.type === 'string') && (p.text === undefined || typeof p.text === 'string');
}
