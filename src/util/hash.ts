import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Whitespace- and case-insensitive identity of a prompt, used to match audit marks and replays. */
export function normalisePrompt(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function hashPrompt(text: string): string {
  return sha256(normalisePrompt(text)).slice(0, 32);
}
