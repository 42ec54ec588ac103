import type { Message } from '../../spec/index.js';

/**
 * The identity of a conversation for replay lookup: roles and contents with runs of whitespace
 * collapsed, so a recording still matches after reformatting. Case is kept: a mutation that only
 * changes case is a different prompt and must not replay the original's answer.
 */
export function conversationKey(messages: readonly Message[]): string {
  return JSON.stringify(messages.map((m) => [m.role, m.content.replace(/\s+/g, ' ').trim()]));
}
