import { UsageError } from '../spec/index.js';
import type { WindowStats } from './window-stats.js';

/** The reference period drift is measured against: the first windows of data, or a fixed time range. */
export type BaselineSpec = { kind: 'first'; windows: number } | { kind: 'range'; fromMs: number; toMs: number };

/** `first:24` or `2026-01-01T00:00:00Z..2026-01-02T00:00:00Z`; `default` is the first day of data. */
export function parseBaseline(spec: string, windowMs: number): BaselineSpec {
  if (spec === 'default') return { kind: 'first', windows: Math.max(1, Math.round(86_400_000 / windowMs)) };
  const first = /^first:(\d+)$/.exec(spec);
  if (first && Number(first[1]) > 0) return { kind: 'first', windows: Number(first[1]) };
  const [a, b, ...rest] = spec.split('..');
  const fromMs = Date.parse(a ?? '');
  const toMs = Date.parse(b ?? '');
  if (rest.length === 0 && Number.isFinite(fromMs) && Number.isFinite(toMs) && toMs > fromMs) return { kind: 'range', fromMs, toMs };
  throw new UsageError(`--baseline expects default, first:<windows> or <ISO start>..<ISO end>; got "${spec}"`);
}

/** Splits windows into the baseline and the windows after it, which are the ones tested. */
export function splitBaseline(
  windows: WindowStats[],
  spec: BaselineSpec,
): { baseline: WindowStats[]; tested: WindowStats[]; endMs: number } {
  if (spec.kind === 'first') {
    const baseline = windows.slice(0, spec.windows);
    const last = baseline[baseline.length - 1];
    const endMs = last ? Date.parse(last.end) : Number.POSITIVE_INFINITY;
    return { baseline, tested: windows.length > spec.windows ? windows.slice(spec.windows) : [], endMs };
  }
  return {
    baseline: windows.filter((w) => w.startMs >= spec.fromMs && w.startMs < spec.toMs),
    tested: windows.filter((w) => w.startMs >= spec.toMs),
    endMs: spec.toMs,
  };
}
