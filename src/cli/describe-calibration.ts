import type { Calibration } from '../spec/index.js';

const f3 = (x: number): string => x.toFixed(3).replace(/^0\./, '.');

/** The lines `calibrate` prints: accuracy, stated against calibrated (out of fold) confidence, ECE and Brier, and the map. */
export function describeCalibration(c: Calibration, judgeErrors: number): string[] {
  return [
    `${c.judge} on ${c.n} labelled responses (${c.scoring}${judgeErrors ? `; ${judgeErrors} judge errors left out` : ''}): right ${(c.raw.accuracy * 100).toFixed(1)}%`,
    `${''.padEnd(22)}${'mean conf'.padStart(10)}${'ECE'.padStart(8)}${'Brier'.padStart(8)}`,
    `${'stated'.padEnd(22)}${f3(c.raw.meanConfidence).padStart(10)}${f3(c.raw.ece).padStart(8)}${f3(c.raw.brier).padStart(8)}`,
    `${'calibrated (5-fold)'.padEnd(22)}${f3(c.calibrated.meanConfidence).padStart(10)}${f3(c.calibrated.ece).padStart(8)}${f3(c.calibrated.brier).padStart(8)}`,
    `map: ${c.steps.map((s) => `≤${s.upTo.toFixed(2)} → ${s.p.toFixed(2)} (n ${s.n})`).join(' · ')}`,
  ];
}
