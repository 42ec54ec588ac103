import { listBuiltinPacks, resolvePack } from '../packs/index.js';
import { createIntentMatcher, type IntentMatcher } from './intent-matcher.js';

/** The matcher over the named packs (files or built-in names), or over every built-in pack. */
export function loadMatcher(packRefs: string[] | null): IntentMatcher {
  const refs = packRefs ?? listBuiltinPacks();
  return createIntentMatcher(refs.map((ref) => resolvePack(ref)));
}
