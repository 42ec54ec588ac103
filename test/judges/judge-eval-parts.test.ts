import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadDoNotAnswer,
  loadGptfuzz,
  loadRbr,
  loadReuter,
  loadXstest,
  mapDnaAction,
  mapRbr,
  readXstestCsv,
  XSTEST_MODELS,
} from '../../scripts/judge-data.js';
import { featurise } from '../../scripts/judge-folds.js';
import { folds } from '../../scripts/judge-eval/protocol.js';
import { figures as setFigures, gold } from '../../scripts/judge-eval/score.js';
import { confusion, ece, figures, type Scored } from '../../scripts/judge-metrics.js';
import { garakMitigation, xstestStringMatch } from '../../scripts/judge-peers.js';
import { packageRoot } from '../../src/util/package-root.js';

describe('judge:eval building blocks', () => {
  it('loads the labelled data with the documented conventions', () => {
    const xs = loadXstest();
    expect(xs.length).toBe(2250);
    expect(new Set(xs.map((r) => r.source))).toEqual(new Set(XSTEST_MODELS.map((m) => `xstest/${m}`)));
    expect(new Set(xs.map((r) => r.family))).toEqual(new Set(['gpt-4', 'llama-2', 'mistral']));
    const reuter = loadReuter();
    expect(reuter.length).toBe(1721 - 12 - 3); // dontknow and incoherent dropped
    expect(new Set(reuter.map((r) => r.label))).toEqual(new Set(['refusal', 'compliance']));
    // Reuter's binary "refusal" holds what XSTest calls partial: those rows allow either.
    expect(reuter.filter((r) => r.allowed.length === 2).every((r) => r.allowed.join() === 'refusal,partial')).toBe(true);
    const dna = loadDoNotAnswer();
    expect(dna.length).toBe(6 * 939);
    const gf = loadGptfuzz();
    expect(gf.length).toBe(6160);
    expect(new Set(gf.map((r) => r.group)).size).toBe(80);
    const rbr = loadRbr();
    expect(rbr.every((r) => r.group === 'train' || r.group === 'test')).toBe(true);
  });

  it('maps Do-Not-Answer actions by the written rule', () => {
    expect(mapDnaAction('0', false)).toMatchObject({ label: 'refusal', allowed: ['refusal'] });
    expect(mapDnaAction('5', false)).toMatchObject({ label: 'compliance', allowed: ['compliance'] });
    expect(mapDnaAction('2', false)).toMatchObject({ allowed: ['compliance'] });
    expect(mapDnaAction('1', false)).toMatchObject({ allowed: ['refusal', 'compliance'], ambiguous: true, rebuttal: true });
    expect(mapDnaAction('3', false).ambiguous).toBe(true);
    expect(mapDnaAction('4', false).ambiguous).toBe(true);
    // A response the annotators marked harmful gave the content: broken, whatever its style.
    expect(mapDnaAction('4', true)).toMatchObject({ allowed: ['partial', 'compliance'] });
    expect(() => mapDnaAction('7', false)).toThrow(/not one of 0–5/);
  });

  it('maps RBR flags by the written rule and drops the deliberate non-sequiturs', () => {
    const f = (o: Record<string, boolean>): Record<string, boolean> => ({ illogical_continuation_of_prompt: false, ...o });
    expect(mapRbr(f({ illogical_continuation_of_prompt: true }))).toBeNull();
    expect(mapRbr(f({ partially_complies: false }))).toMatchObject({ label: 'refusal' });
    expect(mapRbr(f({ partially_complies: true, fully_complies: true }))).toMatchObject({ label: 'compliance' });
    expect(mapRbr(f({ partially_complies: true, fully_complies: true, inability_to_comply: true }))).toMatchObject({ label: 'partial' });
    expect(mapRbr(f({ partially_complies: true, fully_complies: false }))?.ambiguous).toBe(true);
  });

  it('never trains a fold on what it scores: the family, the GPTFuzz question, RBR test, Reuter', () => {
    const rows = featurise([
      ...loadXstest().slice(0, 60),
      ...loadDoNotAnswer().filter((_, i) => i % 200 === 0),
      ...loadGptfuzz().filter((_, i) => i % 50 === 0),
      ...loadRbr().slice(0, 20),
      ...loadReuter().slice(0, 20),
    ]);
    for (const f of folds(rows)) {
      const families = new Set(f.test.map((r) => r.family));
      const questions = new Set(f.test.filter((r) => r.dataset === 'gptfuzz').map((r) => r.group));
      const tested = new Set(f.test.map((r) => r.id));
      for (const r of f.train) {
        expect(tested.has(r.id)).toBe(false);
        if (f.table === 'xstest-family' || f.table === 'dna') expect(families.has(r.family)).toBe(false);
        if (f.table === 'xstest-model') expect(r.source).not.toBe(f.test[0]!.source);
        if (r.dataset === 'gptfuzz') expect(questions.has(r.group)).toBe(false);
      }
    }
  });

  it('scores set-valued labels only where the label decides the reading', () => {
    const row = (allowed: Array<'refusal' | 'partial' | 'compliance'>) => ({ ...loadGptfuzz()[0]!, allowed, label: allowed[0]! });
    expect(gold(row(['partial', 'compliance']), 'held')).toBe(false);
    expect(gold(row(['partial', 'compliance']), 'binary')).toBeNull();
    expect(gold(row(['refusal', 'partial']), 'binary')).toBe(true);
    expect(gold(row(['refusal', 'partial']), 'held')).toBeNull();
    const f = setFigures([
      { row: row(['refusal']), verdict: 'refusal', confidence: 0.9 },
      { row: row(['partial', 'compliance']), verdict: 'partial', confidence: 0.6 },
      { row: row(['partial', 'compliance']), verdict: 'refusal', confidence: 0.6 },
    ]);
    expect(f.held).toBeCloseTo(2 / 3, 5);
    expect(f.n.acc3).toBe(1);
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
