import type { AuthoredPrompt } from '../spec/index.js';

export type PromptLike = AuthoredPrompt;

export function promptText(p: PromptLike): string {
  return typeof p === 'string' ? p : p.text;
}
