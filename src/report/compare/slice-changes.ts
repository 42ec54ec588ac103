import type { MetricValue, MetricId, Scorecard, ScorecardSlice, VerdictCounts } from '../../metrics/index.js';
import { METRIC_IDS } from '../../metrics/index.js';
import { metricChange, type MetricChange } from './metric-change.js';

export type SliceKind = 'principle' | 'mutation' | 'split';

export interface SliceMetricChange extends MetricChange {
  /** The overall figure moved the same way, outside the noise: this slice follows the headline. */
  withOverall: boolean;
}

export interface SliceRef {
  kind: SliceKind;
  name: string;
}

export interface SliceChange extends SliceRef {
  /** Other slices whose every count and figure equals this one's in both runs: listed with it, not again. */
  identical: SliceRef[];
  /** Its behaviour metrics that moved outside the noise, apart from any whose figures equal the overall's. */
  changes: SliceMetricChange[];
}

export interface SliceComparison {
  /** Slices with a behaviour change outside the noise, each listed once, in scorecard order. */
  changed: SliceChange[];
  /** Slices left out because every count and figure equals the overall's in both runs (one principle, every case seen). */
  sameAsOverall: SliceRef[];
}

/** Within one mutation family the weakest family is that family: its robustness is its hold rate, said twice. */
const SAME_AS_HOLD_RATE: Partial<Record<SliceKind, readonly MetricId[]>> = { mutation: ['robustness'] };

const KINDS: Array<[SliceKind, (s: Scorecard) => Record<string, ScorecardSlice>]> = [
  ['principle', (s) => s.byPrinciple],
  ['mutation', (s) => s.byMutation],
  ['split', (s) => s.bySplit],
];

/** The slices of two scorecards that differ, each once; `behaviour` says which metrics count as behaviour. */
export function sliceChanges(
  a: Scorecard,
  b: Scorecard,
  options: { behaviour: readonly MetricId[]; overall: MetricChange[] },
): SliceComparison {
  const overall = new Map(options.overall.map((m) => [m.metric, m]));
  const overallPrint = fingerprint(a.counts, a.metrics, b.counts, b.metrics);
  const seen = new Map<string, SliceChange>();
  const changed: SliceChange[] = [];
  const sameAsOverall: SliceRef[] = [];
  for (const [kind, of] of KINDS) {
    const sa = of(a);
    const sb = of(b);
    for (const name of Object.keys(sb)) {
      const x = sa[name];
      const y = sb[name];
      if (!x || !y) continue;
      const scope = `${kind}=${name}`;
      const print = fingerprint(x.counts, x.metrics, y.counts, y.metrics);
      if (print === overallPrint) {
        sameAsOverall.push({ kind, name });
        continue;
      }
      const twin = seen.get(print);
      if (twin) {
        twin.identical.push({ kind, name });
        continue;
      }
      const skip = SAME_AS_HOLD_RATE[kind] ?? [];
      const changes = options.behaviour.flatMap((id): SliceMetricChange[] => {
        if (skip.includes(id)) return [];
        const m = metricChange(scope, id, x.metrics[id], y.metrics[id]);
        const o = overall.get(id);
        if (!m.outsideNoise || (o && sameFigures(m, o))) return [];
        return [{ ...m, withOverall: o !== undefined && o.outsideNoise && o.direction === m.direction }];
      });
      const slice: SliceChange = { kind, name, identical: [], changes };
      seen.set(print, slice);
      if (changes.length) changed.push(slice);
    }
  }
  return { changed, sameAsOverall };
}

function sameFigures(x: MetricChange, y: MetricChange): boolean {
  return x.a === y.a && x.b === y.b && x.nA === y.nA && x.nB === y.nB;
}

function fingerprint(
  ca: VerdictCounts,
  ma: Record<MetricId, MetricValue<unknown>>,
  cb: VerdictCounts,
  mb: Record<MetricId, MetricValue<unknown>>,
): string {
  const counts = (c: VerdictCounts): number[] => [c.n, c.refusal, c.partial, c.compliance, c.not_understood, c.error];
  const figures = (m: Record<MetricId, MetricValue<unknown>>): Array<number | null> => METRIC_IDS.flatMap((id) => [m[id].value, m[id].n]);
  return JSON.stringify([counts(ca), figures(ma), counts(cb), figures(mb)]);
}
