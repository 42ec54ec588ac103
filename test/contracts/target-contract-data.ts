import type { Message } from '../../src/spec/index.js';

/**
 * How every contract backend answers: `contractReply` to each conversation, obeying two directives
 * in the last user message: `[finish:length]` ends the answer with the protocol's "length" reason,
 * `[delay:<ms>]` answers after a pause.
 */
/** What every backend answers; it names the roles in order so a reordered conversation shows. */
export function contractReply(messages: readonly Message[]): string {
  const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  return `reply to ${messages.map((m) => m.role).join('>')}: ${last}`;
}

export function directives(messages: readonly Message[]): { length: boolean; delayMs: number } {
  const last = messages[messages.length - 1]?.content ?? '';
  return { length: last.includes('[finish:length]'), delayMs: Number(/\[delay:(\d+)\]/.exec(last)?.[1] ?? 0) };
}

const user = (content: string): Message => ({ role: 'user', content });

/** Every conversation the suite sends outside fault cases, so a recording can hold them all. */
export const CONTRACT_CONVERSATIONS: Message[][] = [
  [user('What is the boiling point of water at sea level?')],
  [
    { role: 'system', content: 'You are a careful assistant.' },
    user('First question: name a prime number.'),
    { role: 'assistant', content: 'Seven.' },
    user('Second question: and an even one?'),
  ],
  [user('Tell me a long story [finish:length]')],
  ...Array.from({ length: 6 }, (_, i) => [user(`Concurrent question ${i} [delay:60]`)]),
];
