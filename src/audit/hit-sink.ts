import type { Detector } from './audit-options.js';

/**
 * Receives each match found in one corpus text: which detector, which indexed drill text, its
 * score and the char span in the corpus text. Positional because it runs in the scan's hot loop.
 */
export type HitSink = (detector: Detector, text: number, score: number, start: number, end: number) => void;
