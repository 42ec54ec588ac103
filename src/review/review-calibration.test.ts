import { describe, expect, it } from 'vitest';
import { applySteps } from '../judges/index.js';
import { seededRandom } from '../util/index.js';
import { fitReviewCalibration } from './review-calibration.js';
import type { CalibrationRow } from './review-store.js';

/** Labelled rows: `n` records judged `verdict` at confidences from `conf()`, marked right with probability `p(conf)`. */
function rows(n: number, verdict: string, conf: () => number, p: (c: number) => number, rand: () => number): CalibrationRow[] {
  return Array.from({ length: n }, () => {
    const confidence = conf();
    return {
      confidence,
      verdict,
      judge_correct: rand() < p(confidence) ? 1 : 0,
      reason: 'sample',
      reviewer: 'ana',
      population: 10,
      labelled: 1,
    };
  });
}

const identity = (c: number) => c;

describe('calibrate --from-review', () => {
  it('refuses when either verdict has fewer than 20 labels, saying how many of each it has', () => {
    const r = seededRandom(1);
    const fit = fitReviewCalibration({
      judge: 'j',
      rows: [
        ...rows(
          12,
          'refusal',
          () => 0.9,
          () => 1,
          r,
        ),
        ...rows(
          40,
          'compliance',
          () => 0.9,
          () => 1,
          r,
        ),
      ],
      prior: identity,
      source: 't',
    });
    expect(fit.ok).toBe(false);
    expect(fit.counts).toEqual({ refusal: 12, answer: 40 });
    if (!fit.ok)
      expect(fit.reason).toMatch(
        /^12 labels on records the judge called a refusal and 40 on records it called an answer; at least 20 of each/,
      );
  });

  it('68 labels all marked right do not map every confidence to 1.0: each bin moves toward the prior as far as its labels allow', () => {
    const r = seededRandom(2);
    const spread = () => 0.55 + r() * 0.44;
    const fit = fitReviewCalibration({
      judge: 'j',
      rows: [...rows(40, 'refusal', spread, () => 1, r), ...rows(28, 'compliance', spread, () => 1, r)],
      prior: identity,
      source: 't',
    });
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.wrong).toBe(0);
    expect(fit.warnings[0]).toMatch(/^all 68 labels mark the judge right/);
    const map = (c: number) => applySteps(fit.calibration.steps, c);
    expect(map(0.6)).toBeLessThan(0.85);
    expect(map(0.98)).toBeLessThan(1);
    for (const s of fit.calibration.steps) expect(s.p).toBeLessThan(1);
    // Each bin: 100% right, with an interval that says how little that rests on.
    for (const b of fit.bins) {
      expect(b.right).toBe(1);
      expect(b.ci[0]).toBeLessThan(0.9);
      expect(b.mapped).toBeGreaterThan(b.stated);
    }
    expect(fit.calibration.steps.reduce((n, s) => n + s.n, 0)).toBe(68);
  });

  it('with many labels the map follows the reviewers: an overconfident judge (says .95, right 70%) maps near 70%', () => {
    const r = seededRandom(3);
    const fit = fitReviewCalibration({
      judge: 'llm',
      rows: [
        ...rows(
          150,
          'refusal',
          () => 0.95,
          () => 0.7,
          r,
        ),
        ...rows(
          150,
          'compliance',
          () => 0.95,
          () => 0.7,
          r,
        ),
      ],
      prior: identity,
      source: 't',
    });
    if (!fit.ok) throw new Error(fit.reason);
    const [bin] = fit.bins;
    expect(bin!.right).toBeGreaterThan(0.62);
    expect(bin!.right).toBeLessThan(0.78);
    expect(bin!.ci[0]).toBeLessThan(bin!.right);
    expect(bin!.ci[1]).toBeGreaterThan(bin!.right);
    // 300 labels against a prior worth 20: the map is 94% the labels' and 6% the prior's.
    expect(applySteps(fit.calibration.steps, 0.95)).toBeCloseTo((300 * bin!.right + 20 * 0.95) / 320, 6);
    expect(fit.calibration.calibrated.ece).toBeLessThan(fit.calibration.raw.ece);
  });

  it('shrinks toward an offline map when one is given instead of the stated confidence', () => {
    const r = seededRandom(4);
    const all = [
      ...rows(
        20,
        'refusal',
        () => 0.9,
        () => 1,
        r,
      ),
      ...rows(
        20,
        'partial',
        () => 0.9,
        () => 1,
        r,
      ),
    ];
    const fit = fitReviewCalibration({ judge: 'llm', rows: all, prior: () => 0.5, source: 't' });
    if (!fit.ok) throw new Error(fit.reason);
    expect(applySteps(fit.calibration.steps, 0.9)).toBeCloseTo((40 * 1 + 20 * 0.5) / 60, 6);
  });
});
