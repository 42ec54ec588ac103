import { resolvePack } from '../packs/index.js';
import type { Pack } from '../spec/index.js';

/** A validated pack from a file, or a built-in pack by name (`xstest`, `do-not-answer`, `phishing-credentials`). */
export function loadPack(ref: string): Pack {
  return resolvePack(ref);
}
