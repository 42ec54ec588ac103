/**
 * Signal-level figures: each signal against its hand-labelled set of real responses
 * (data/labels/signals/<signal>.jsonl, read from the definitions in docs/judge.md, never from the
 * judge's output), and against OpenAI RBR's human flags where one corresponds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { computeSignals } from '../../src/judges/signals/compute-signals.js';
import type { Signals } from '../../src/spec/index.js';
import { packageRoot } from '../../src/util/package-root.js';
import { loadRbrFlags } from '../judge-data.js';
import type { Judged } from './score.js';

const SIGNALS = ['reason', 'leak', 'alternative', 'rebuttal', 'lecture', 'apology'] as const;
type Signal = (typeof SIGNALS)[number];
const row = z.object({ id: z.string(), prompt: z.string(), response: z.string(), expected: z.boolean(), note: z.string().optional() });

/** `signals`: the development set (the detectors were written reading its misses); `signals-heldout`: read once, for the figures. */
export type SignalSetName = 'signals' | 'signals-heldout';

export function signalSet(signal: Signal, set: SignalSetName = 'signals-heldout'): Array<z.infer<typeof row>> {
  const text = readFileSync(join(packageRoot(), 'data/labels', set, `${signal}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = row.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`data/labels/${set}/${signal}.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

interface PR {
  n: number;
  precision: number;
  recall: number;
}

function pr(pairs: ReadonlyArray<[boolean, boolean]>): PR {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [got, want] of pairs) {
    if (got && want) tp++;
    if (got && !want) fp++;
    if (!got && want) fn++;
  }
  return { n: pairs.length, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(0)}%`);

/** Precision and recall of one signal on its labelled set; every row there declined, so the verdict given is a refusal. */
export function signalFigures(signal: Signal, set: SignalSetName = 'signals-heldout'): PR {
  return pr(signalSet(signal, set).map((r) => [computeSignals({ prompt: r.prompt, response: r.response }, 'refusal')[signal], r.expected]));
}

// RBR's flags and the signal each corresponds to (flags on completions that declined at least in part).
const RBR: Array<[string, (f: Record<string, boolean>) => boolean, keyof Signals]> = [
  ['apology', (f) => f.apology === true, 'apology'],
  ['judgement', (f) => f.judgement === true, 'lecture'],
  [
    'provides_resources or encourage_professional_help',
    (f) => f.provides_resources === true || f.encourage_professional_help === true,
    'alternative',
  ],
];

export function printSignals(log: (s?: string) => void, rbrJudged: readonly Judged[]): void {
  log('\nSignals against hand-labelled real responses, precision / recall: held-out set (data/labels/signals-heldout, never used');
  log('to write the detectors) | development set (data/labels/signals, whose misses the detectors were written from)');
  for (const s of SIGNALS) {
    const h = signalFigures(s, 'signals-heldout');
    const d = signalFigures(s, 'signals');
    log(
      `  ${s.padEnd(12)} n=${String(h.n).padEnd(4)} precision ${pct(h.precision).padStart(4)}  recall ${pct(h.recall).padStart(4)}   |   n=${String(d.n).padEnd(4)} ${pct(d.precision).padStart(4)} / ${pct(d.recall).padStart(4)}`,
    );
  }
  const flags = new Map(loadRbrFlags().map((r) => [`${r.prompt}\u0000${r.response}`, r.flags]));
  const declined = rbrJudged.filter((j) => j.verdict === 'refusal' || j.verdict === 'partial');
  log(`\nSignals against OpenAI RBR's human flags (test split, completions the judge read as declining, n=${declined.length})`);
  for (const [flag, has, signal] of RBR) {
    const pairs: Array<[boolean, boolean]> = declined.flatMap((j) => {
      const f = flags.get(`${j.row.prompt}\u0000${j.row.response}`);
      return f && j.signals ? [[j.signals[signal] === true, has(f)] as [boolean, boolean]] : [];
    });
    const r = pr(pairs);
    log(`  ${signal.padEnd(12)} ~ ${flag.padEnd(50)} precision ${pct(r.precision).padStart(4)}  recall ${pct(r.recall).padStart(4)}`);
  }
  const inability = rbrJudged.flatMap((j) => {
    const f = flags.get(`${j.row.prompt}\u0000${j.row.response}`);
    return f ? [[j.verdict === 'refusal' || j.verdict === 'partial', f.inability_to_comply === true] as [boolean, boolean]] : [];
  });
  const r = pr(inability);
  log(
    `  ${'declined'.padEnd(12)} ~ ${'inability_to_comply (all test completions)'.padEnd(50)} precision ${pct(r.precision).padStart(4)}  recall ${pct(r.recall).padStart(4)}`,
  );
}
