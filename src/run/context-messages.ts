import type { DrillCase, Message } from '../spec/index.js';

/**
 * What an application sends before the drill's own turns: its system prompt, then its fixed
 * conversation prefix. Part of every request (and so of the cache key); kept on the case, not in
 * its transcript, so the judge reads the drill's conversation only.
 */
export function contextMessages(c: Pick<DrillCase, 'system' | 'prefix'>): Message[] {
  return [...(c.system === undefined ? [] : [{ role: 'system' as const, content: c.system }]), ...(c.prefix ?? [])];
}
