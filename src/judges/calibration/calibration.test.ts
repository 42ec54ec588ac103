import { describe, expect, it } from 'vitest';
import { fitCalibration } from './calibration.js';
import type { Outcome } from './reliability.js';
import { reliability } from './reliability.js';

/** An overconfident judge: says 0.95 and is right 70% of the time; says 0.6 and is right 40%. */
function overconfident(): Outcome[] {
  const out: Outcome[] = [];
  for (let i = 0; i < 400; i++) out.push({ confidence: 0.95, correct: i % 10 < 7 });
  for (let i = 0; i < 200; i++) out.push({ confidence: 0.6, correct: i % 5 < 2 });
  return out;
}

describe('reliability', () => {
  it('measures the gap between stated confidence and accuracy', () => {
    const r = reliability(overconfident());
    expect(r.accuracy).toBeCloseTo((280 + 80) / 600, 6);
    expect(r.meanConfidence).toBeCloseTo((400 * 0.95 + 200 * 0.6) / 600, 6);
    expect(r.ece).toBeCloseTo((400 / 600) * 0.25 + (200 / 600) * 0.2, 6);
    expect(
      reliability([
        { confidence: 0.8, correct: true },
        { confidence: 0.8, correct: false },
      ]).brier,
    ).toBeCloseTo((0.04 + 0.64) / 2, 6);
  });
});

describe('fitCalibration', () => {
  it('maps stated confidence to observed accuracy, measured out of fold', () => {
    const { calibration } = fitCalibration({ judge: 'llm:x', scoring: '3-class', source: 'labels.jsonl', outcomes: overconfident() });
    expect(calibration.steps.map((s) => [s.p, s.n])).toEqual([
      [0.4, 200],
      [0.7, 400],
    ]);
    expect(calibration.raw.ece).toBeGreaterThan(0.2);
    // Out of fold the map meets labels it was not fitted on: what is left is sampling noise.
    expect(calibration.calibrated.ece).toBeLessThan(calibration.raw.ece / 4);
    expect(calibration.calibrated.brier).toBeLessThan(calibration.raw.brier);
    expect(calibration).toMatchObject({ judge: 'llm:x', n: 600, format: 'refusal-drill/calibration@1' });
  });

  it('leaves the map of an already calibrated judge at its accuracy', () => {
    const honest: Outcome[] = Array.from({ length: 500 }, (_, i) => ({ confidence: 0.8, correct: i % 5 !== 0 }));
    const { calibration } = fitCalibration({ judge: 'rules', scoring: 'binary', source: 's', outcomes: honest });
    expect(calibration.raw.ece).toBeCloseTo(0, 6);
    expect(calibration.calibrated.ece).toBeLessThan(0.05);
    expect(calibration.steps).toEqual([{ upTo: 1, p: 0.8, n: 500 }]);
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitCalibration({ judge: 'j', scoring: 'binary', source: 's', outcomes: [] })).toThrow(/no labelled judgements/);
  });

  it('weighs each outcome by the records it stands for', () => {
    // 20 labels from a stratum of 1,000 (all right) and 20 from a stratum of 20 (all wrong), all at 0.9.
    const outcomes: Outcome[] = [
      ...Array.from({ length: 20 }, () => ({ confidence: 0.9, correct: true, weight: 50 })),
      ...Array.from({ length: 20 }, () => ({ confidence: 0.9, correct: false, weight: 1 })),
    ];
    const { calibration } = fitCalibration({ judge: 'j', scoring: 'binary', source: 's', outcomes });
    expect(calibration.steps).toEqual([{ upTo: 1, p: 1000 / 1020, n: 40 }]);
    expect(calibration.raw.accuracy).toBeCloseTo(1000 / 1020, 10);
  });
});
