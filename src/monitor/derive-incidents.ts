import { clampedRate, type Detection, type DriftTest, type PooledBaseline } from './detect-drift.js';
import { METRIC_FAMILIES, type Incident, type MirrorChange } from './incident.js';
import { wilson } from './proportion-stats.js';
import { proportionOf, type RateMetric, type WindowStats } from './window-stats.js';

export interface DeriveOptions {
  /** The windows after the baseline, oldest first. */
  tested: WindowStats[];
  detections: Detection[];
  baseline: PooledBaseline;
  /** Windows with fewer records (in the metric's denominator) neither keep an incident open nor close it. */
  minN: number;
  /** Tested windows in band, in a row, that close an incident. */
  closeAfter: number;
}

/**
 * Back in band: the rate of the last `closeAfter` tested windows, pooled, is less than one standard
 * error from the baseline on the side the incident went. Opening needs a detector (a significant
 * z-test or a CUSUM alarm); staying open needs only that the rate has not come back, so a shift that
 * persists is one incident, not one per window that happens to reach significance. Pooled, not
 * window by window: three noisy windows of a persisting shift dip under the line together far more
 * often than their pooled rate does.
 */
export const IN_BAND_Z = 1;

interface Draft {
  metric: RateMetric;
  direction: 'up' | 'down';
  start: number;
  detected: number;
  last: number;
  /** Tested windows since the last detection: the last `closeAfter` of them, pooled, decide whether it is back in band. */
  quiet: number[];
  detectors: Set<DriftTest>;
  detections: number;
  /** A strong detection, or a second one: until then the draft is dropped if nothing follows it. */
  confirmed: boolean;
  mirrors: Map<RateMetric, 'up' | 'down'>;
  end: number | null;
  closedIn: number | null;
}

/**
 * Folds detector firings into incidents, one family of metrics at a time (see METRIC_FAMILIES):
 * the z-test and CUSUM on the same change, every window the change lasts, and the metrics that
 * mirror it are one incident. Deterministic over the windows, so every instance sharing a store
 * derives the same incidents.
 */
export function deriveIncidents(o: DeriveOptions): Incident[] {
  const index = new Map(o.tested.map((w, i) => [w.start, i]));
  const byWindow = new Map<number, Detection[]>();
  for (const d of o.detections) {
    const i = index.get(d.window);
    if (i === undefined) continue;
    let list = byWindow.get(i);
    if (!list) byWindow.set(i, (list = []));
    list.push(d);
  }
  const out: Incident[] = [];
  for (const [family, members] of Object.entries(METRIC_FAMILIES)) {
    let open: Draft | null = null;
    let floor = 0;
    const finish = (d: Draft): void => {
      out.push(summarise(family, d, o));
      floor = d.end ?? d.last + 1;
    };
    for (let i = 0; i < o.tested.length; i++) {
      const dets = (byWindow.get(i) ?? []).filter((d) => members.includes(d.metric));
      if (open && !open.confirmed) {
        // Confirmed by a detection in a later window (a mirror in the same window is the same evidence).
        if (dets.length) fold(open, dets, i, true);
        else if (i - open.last >= o.closeAfter) open = null;
      } else if (open) {
        const lead = open.metric;
        const dir = open.direction;
        if (dets.some((d) => d.metric === lead && d.direction !== dir)) {
          // The lead metric turned the other way: that is a new change, not this one.
          open.end = i;
          open.closedIn = i;
          finish(open);
          open = null;
        } else if (dets.length) {
          fold(open, dets, i, true);
        } else {
          const base = o.baseline.pooled[lead];
          const p = proportionOf(o.tested[i] as WindowStats, lead);
          if (p.n >= o.minN && base && base.n > 0) {
            // Still out on its own, though no detector fired: part of the change, counted in its rate.
            if (!inBand(p, base, dir)) open.last = i;
            open.quiet.push(i);
            const run = open.quiet.slice(-o.closeAfter);
            if (
              run.length === o.closeAfter &&
              inBand(
                pooled(
                  run.map((k) => o.tested[k] as WindowStats),
                  lead,
                ),
                base,
                dir,
              )
            ) {
              open.end = run[0] as number;
              open.closedIn = i;
              open.last = open.end - 1;
              finish(open);
              open = null;
            }
          }
        }
      }
      if (!open && dets.length) open = draft(dets, i, members, index, floor);
    }
    if (open?.confirmed) finish(open);
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.family.localeCompare(b.family));
}

function draft(dets: Detection[], i: number, members: readonly RateMetric[], index: Map<string, number>, floor: number): Draft {
  const leadMetric = members.find((m) => dets.some((d) => d.metric === m)) as RateMetric;
  const lead = dets.filter((d) => d.metric === leadMetric);
  const first = lead.find((d) => d.test === 'two-proportion-z') ?? (lead[0] as Detection);
  // The earliest start any detector gives (a CUSUM run began before it alarmed), never inside the previous incident.
  const start = Math.max(floor, Math.min(i, ...dets.map((d) => index.get(d.changeStart) ?? i)));
  const d: Draft = {
    metric: leadMetric,
    direction: first.direction,
    start,
    detected: i,
    last: i,
    quiet: [],
    detectors: new Set(),
    detections: 0,
    confirmed: false,
    mirrors: new Map(),
    end: null,
    closedIn: null,
  };
  fold(
    d,
    dets,
    i,
    dets.some((x) => x.strong),
  );
  return d;
}

function fold(d: Draft, dets: Detection[], i: number, confirms: boolean): void {
  d.last = i;
  d.quiet = [];
  if (confirms) d.confirmed = true;
  for (const x of dets) {
    d.detectors.add(x.test);
    d.detections += 1;
    if (x.metric !== d.metric && !d.mirrors.has(x.metric)) d.mirrors.set(x.metric, x.direction);
  }
}

function inBand(p: { count: number; n: number }, base: { count: number; n: number }, direction: 'up' | 'down'): boolean {
  const p0 = clampedRate(base);
  const z = (p.count / p.n - p0) / Math.sqrt((p0 * (1 - p0)) / p.n);
  return direction === 'up' ? z < IN_BAND_Z : z > -IN_BAND_Z;
}

function pooled(windows: WindowStats[], metric: RateMetric): { count: number; n: number } {
  const acc = { count: 0, n: 0 };
  for (const w of windows) {
    const p = proportionOf(w, metric);
    acc.count += p.count;
    acc.n += p.n;
  }
  return acc;
}

function summarise(family: string, d: Draft, o: DeriveOptions): Incident {
  const span = o.tested.slice(d.start, d.last + 1);
  const base = o.baseline.pooled[d.metric] ?? { count: 0, n: 0 };
  const now = pooled(span, d.metric);
  const rate = (p: { count: number; n: number }): number => (p.n > 0 ? p.count / p.n : 0);
  const mirrors: MirrorChange[] = [...d.mirrors].map(([metric, direction]) => ({
    metric,
    direction,
    before: rate(o.baseline.pooled[metric] ?? { count: 0, n: 0 }),
    after: rate(pooled(span, metric)),
  }));
  const at = (i: number): string => (o.tested[i] as WindowStats).start;
  return {
    family,
    metric: d.metric,
    direction: d.direction,
    status: d.end === null ? 'open' : 'closed',
    start: at(d.start),
    detected: at(d.detected),
    last: at(d.last),
    end: d.end === null ? null : at(d.end),
    ...(d.closedIn === null ? {} : { closedIn: at(d.closedIn) }),
    before: rate(base),
    beforeN: base.n,
    beforeCi: wilson(base.count, base.n) ?? [0, 1],
    after: rate(now),
    afterN: now.n,
    afterCi: wilson(now.count, now.n) ?? [0, 1],
    windows: d.last - d.start + 1,
    detectors: [...d.detectors].sort(),
    detections: d.detections,
    mirrors,
  };
}
