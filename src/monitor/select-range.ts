import { InputError } from '../spec/index.js';
import type { StoredIncident } from './incident.js';
import type { WindowStats } from './window-stats.js';

/** Which windows a view shows. `last` is measured back from the newest record, not from now: logs may be old. */
export type RangeSpec =
  | { kind: 'auto' }
  | { kind: 'all' }
  | { kind: 'recent'; windows: number }
  | { kind: 'last'; ms: number; label: string }
  | { kind: 'between'; fromMs: number; toMs: number };

export interface SelectedRange {
  fromMs: number;
  toMs: number;
  /** The choice as the dashboard's range selector names it. */
  name: string;
  /** Why these windows, in a few words. */
  why: string;
}

/** Windows shown before an open incident's start at the least, so its step has something to step from. */
export const MIN_LEAD_WINDOWS = 24;
const DEFAULT_RECENT = 48;

export const RANGE_PRESETS: Record<string, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

/**
 * By default (`auto`), enough windows before the first open incident to see what it changed from:
 * as many as the incident has lasted, at least MIN_LEAD_WINDOWS, through to the newest window.
 * Without an open incident, the last 48 windows.
 */
export function selectRange(all: WindowStats[], open: StoredIncident[], windowMs: number, spec: RangeSpec): SelectedRange {
  const first = all[0];
  const last = all.at(-1);
  if (!first || !last) return { fromMs: 0, toMs: 0, name: spec.kind, why: 'no records' };
  const toMs = last.startMs + windowMs;
  const recent = (k: number, name: string): SelectedRange => ({
    fromMs: (all[Math.max(0, all.length - k)] as WindowStats).startMs,
    toMs,
    name,
    why: `the last ${Math.min(k, all.length)} windows`,
  });
  switch (spec.kind) {
    case 'all':
      return { fromMs: first.startMs, toMs, name: 'all', why: 'every window' };
    case 'recent':
      return recent(spec.windows, 'recent');
    case 'last':
      return { fromMs: Math.max(first.startMs, toMs - spec.ms), toMs, name: spec.label, why: `the ${spec.label} up to the newest record` };
    case 'between':
      return { fromMs: Math.max(first.startMs, spec.fromMs), toMs: Math.min(toMs, spec.toMs), name: 'custom', why: 'the range asked for' };
    case 'auto': {
      const earliest = open.reduce<StoredIncident | undefined>((a, i) => (!a || i.start < a.start ? i : a), undefined);
      if (!earliest) return recent(DEFAULT_RECENT, 'auto');
      const startMs = Date.parse(earliest.start);
      const lead = Math.max(MIN_LEAD_WINDOWS, Math.ceil((toMs - startMs) / windowMs));
      return {
        fromMs: Math.max(first.startMs, startMs - lead * windowMs),
        toMs,
        name: 'auto',
        why: `${lead} windows before incident #${earliest.id} began, to the newest record`,
      };
    }
  }
}

/** A range from a page's query: `range=auto|24h|7d|30d|all`, or `from`/`to` dates. */
export function parseRange(range: string | null, from: string | null, to: string | null): RangeSpec {
  if (from || to) {
    const fromMs = from ? Date.parse(from) : Number.NEGATIVE_INFINITY;
    const toMs = to ? Date.parse(to) + (/^\d{4}-\d{2}-\d{2}$/.test(to) ? 86_400_000 : 0) : Number.POSITIVE_INFINITY;
    if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs)
      throw new InputError(`range: expected from and to as ISO dates with from before to, got from=${from ?? ''} to=${to ?? ''}`);
    return { kind: 'between', fromMs, toMs };
  }
  if (!range || range === 'auto') return { kind: 'auto' };
  if (range === 'all') return { kind: 'all' };
  const ms = RANGE_PRESETS[range];
  if (ms === undefined) throw new InputError(`range: expected auto, ${Object.keys(RANGE_PRESETS).join(', ')} or all, got "${range}"`);
  return { kind: 'last', ms, label: range };
}
