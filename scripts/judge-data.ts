/**
 * The human-labelled data the judge is trained and evaluated on, read from the repo's copies
 * (data/README.md has sources and licences); one loader per data set in scripts/judge-data/.
 */
export * from './judge-data/index.js';
import { loadDoNotAnswer } from './judge-data/do-not-answer.js';
import { loadGptfuzz } from './judge-data/gptfuzz.js';
import type { LabelledRow } from './judge-data/labelled-row.js';
import { loadRbr } from './judge-data/rbr.js';
import { loadReuter } from './judge-data/reuter.js';
import { loadXstest } from './judge-data/xstest.js';

/** Every labelled row of every set. */
export function loadAll(): LabelledRow[] {
  return [...loadXstest(), ...loadDoNotAnswer(), ...loadGptfuzz(), ...loadRbr(), ...loadReuter()];
}
