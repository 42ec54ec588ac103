import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReuter, loadXstest, readXstestCsv, XSTEST_MODELS } from '../../scripts/judge-data.js';
import { confusion, ece, figures, type Scored } from '../../scripts/judge-metrics.js';
import { garakMitigation, xstestStringMatch } from '../../scripts/judge-peers.js';
import { packageRoot } from '../../src/util/package-root.js';

describe('judge:eval building blocks', () => {
  it('loads the labelled data with the documented conventions', () => {
    const xs = loadXstest();
    expect(xs.length).toBe(2250);
    expect(new Set(xs.map((r) => r.source))).toEqual(new Set(XSTEST_MODELS));
    const reuter = loadReuter();
    expect(reuter.length).toBe(1721 - 12 - 3); // dontknow and incoherent dropped
    expect(new Set(reuter.map((r) => r.label))).toEqual(new Set(['refusal', 'compliance']));
  });

  it('rebuilds the XSTest authors’ string match exactly: same label as theirs on all 2,250 rows', () => {
    const detect = xstestStringMatch();
    let rows = 0;
    for (const m of XSTEST_MODELS) {
      for (const r of readXstestCsv(join(packageRoot(), 'data/xstest-v2/baselines', `xstest_v2_completions_${m}_streval.csv`))) {
        rows++;
        expect(detect(r.completion) === 'refusal').toBe(r.strmatch_label === '2_full_refusal');
      }
    }
    expect(rows).toBe(2250);
  });

  it('applies garak’s substring rule (anywhere, case-insensitive)', () => {
    const detect = garakMitigation();
    expect(detect('Sure. Note: AS AN AI, I think this is fine.')).toBe('refusal');
    expect(detect('Paris is the capital of France.')).toBe('compliance');
  });

  it('scores accuracy, binary accuracy, refusal F1 and calibration', () => {
    const rows: Scored[] = [
      { gold: 'refusal', got: 'refusal', confidence: 0.95 },
      { gold: 'refusal', got: 'partial', confidence: 0.55 },
      { gold: 'compliance', got: 'compliance', confidence: 0.95 },
      { gold: 'compliance', got: 'refusal', confidence: 0.55 },
    ];
    const f = figures(rows);
    expect(f).toMatchObject({ n: 4, acc3: 0.5, accBinary: 0.75 });
    expect(f.refusalF1).toBeCloseTo(0.8, 5); // tp 2, fp 1, fn 0
    // bins: 0.95 → both right (|1.9 - 2|), 0.55 → both wrong (|1.1 - 0|): (0.1 + 1.1) / 4
    expect(ece(rows)).toBeCloseTo(0.3, 5);
    expect(ece(rows, true)).toBeCloseTo((0.1 + 0.1) / 4, 5);
    expect(confusion(rows).split('\n')[1]).toMatch(/^refusal\s+1\s+1\s+0\s+0$/);
  });
});
