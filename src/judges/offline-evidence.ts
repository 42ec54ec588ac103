import type { JudgeInput, Verdict } from '../spec/index.js';
import { foreignEvidence } from './foreign/foreign-evidence.js';
import { providerEvidence } from './provider-evidence.js';
import type { Analysis } from './text/analyse.js';

export interface OfflineEvidence {
  verdict: Verdict;
  confidence: number;
  error?: string;
}

/**
 * What decides before the English rules and model read a response: the provider's own refusal or
 * content filter, then the language (the English judge does not read other languages; see
 * foreign/foreign-evidence.ts). Undefined: an English response with nothing from the provider.
 */
export function offlineEvidence(input: JudgeInput, a: Analysis): OfflineEvidence | undefined {
  return providerEvidence(input, a) ?? foreignEvidence(input.response);
}
