import type { Message } from '../../spec/index.js';
import { conversationKey } from './conversation-key.js';

export interface ReplayRecord {
  messages: Message[];
  response: string;
  finish?: string;
  latencyMs?: number;
}

/** Recorded answers by conversation; the first recording of a conversation wins. */
export class ReplayIndex {
  private readonly byKey = new Map<string, ReplayRecord>();

  constructor(readonly source: string) {}

  add(record: ReplayRecord, alias?: Message[]): void {
    for (const messages of alias ? [record.messages, alias] : [record.messages]) {
      const key = conversationKey(messages);
      if (!this.byKey.has(key)) this.byKey.set(key, record);
    }
  }

  get(messages: readonly Message[]): ReplayRecord | undefined {
    return this.byKey.get(conversationKey(messages));
  }

  get size(): number {
    return this.byKey.size;
  }
}
