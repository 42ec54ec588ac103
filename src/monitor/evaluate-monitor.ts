import { parseBaseline } from './baseline.js';
import { deriveIncidents } from './derive-incidents.js';
import { detectDrift, type PooledBaseline } from './detect-drift.js';
import type { IncidentEvent, StoredIncident } from './incident.js';
import type { MonitorConfig } from './monitor-config.js';
import type { MonitorStore } from './monitor-store.js';
import { selectRange, type RangeSpec, type SelectedRange } from './select-range.js';
import type { WindowStats } from './window-stats.js';
import { parseWindowSize } from './window-size.js';

export interface MonitorStatus {
  windowMs: number;
  /** What incidents are measured under: the window size and the baseline. */
  scope: string;
  baseline: PooledBaseline & { spec: string };
  /** The windows of the selected range, oldest first. */
  windows: WindowStats[];
  range: SelectedRange;
  /** Open incidents, newest first, then those closed within the range. */
  incidents: StoredIncident[];
  records: number;
  /** Records flagged as leaks, over all time. */
  leaks: number;
}

export interface Evaluation extends MonitorStatus {
  /** Changes this evaluation caused, split into those of the latest windows and back-filled history. */
  events: { live: IncidentEvent[]; history: IncidentEvent[] };
  /** The whole span the records cover (for the summary of back-filled history). */
  span: { from: string; to: string; windows: number } | null;
}

export interface StatusOptions {
  range?: RangeSpec;
  /** Instead of a range: the most recent windows (the CLI's `--recent`). */
  recent?: number;
}

/** The scope incidents are stored under: a change of window or baseline measures afresh. */
export function monitorScope(config: MonitorConfig): string {
  return `${config.window}|${config.baseline}`;
}

/**
 * Recomputes windows, runs the detectors, folds what they find into incidents and reconciles them
 * with the stored ones. Idempotent: evaluating twice over the same records changes nothing the
 * second time. Events in the last two windows are live; older ones (a back-filled log, late
 * records) are history, which the caller reports as one summary rather than one message each.
 */
export async function evaluateMonitor(monitor: MonitorStore, config: MonitorConfig, options: StatusOptions = {}): Promise<Evaluation> {
  const { all, windowMs, drift, scope } = await measure(monitor, config);
  const computed = deriveIncidents({
    tested: drift.tested,
    detections: drift.detections,
    baseline: drift.baseline,
    minN: config.minN,
    closeAfter: config.closeAfter,
  });
  const events = await monitor.applyIncidents(scope, computed, { minEffect: config.minEffect });
  const latest = all.at(-1)?.startMs ?? 0;
  const live = events.filter((e) => Date.parse(e.window) >= latest - windowMs);
  const status = await assemble(monitor, config, { all, windowMs, drift, scope }, options);
  const first = all[0];
  const last = all.at(-1);
  return {
    ...status,
    events: { live, history: events.filter((e) => !live.includes(e)) },
    span: first && last ? { from: first.start, to: last.end, windows: all.length } : null,
  };
}

/** The same view without reconciling incidents: for pages, which must not write. */
export async function readMonitorStatus(monitor: MonitorStore, config: MonitorConfig, options: StatusOptions = {}): Promise<MonitorStatus> {
  return assemble(monitor, config, await measure(monitor, config), options);
}

interface Measured {
  all: WindowStats[];
  windowMs: number;
  drift: ReturnType<typeof detectDrift>;
  scope: string;
}

async function measure(monitor: MonitorStore, config: MonitorConfig): Promise<Measured> {
  const windowMs = parseWindowSize(config.window);
  const all = await monitor.windows({ windowMs });
  const drift = detectDrift({
    windows: all,
    baseline: parseBaseline(config.baseline, windowMs),
    fdr: config.fdr,
    minN: config.minN,
    minEffect: config.minEffect,
  });
  return { all, windowMs, drift, scope: monitorScope(config) };
}

async function assemble(monitor: MonitorStore, config: MonitorConfig, m: Measured, options: StatusOptions): Promise<MonitorStatus> {
  const stored = await monitor.listIncidents({ scope: m.scope, status: 'all', limit: 500 });
  const open = stored.filter((i) => i.status === 'open');
  const range =
    options.recent !== undefined
      ? selectRange(m.all, open, m.windowMs, { kind: 'recent', windows: options.recent })
      : selectRange(m.all, open, m.windowMs, options.range ?? { kind: 'auto' });
  const windows = m.all.filter((w) => w.startMs >= range.fromMs && w.startMs < range.toMs);
  const from = new Date(range.fromMs).toISOString();
  const closed = stored.filter((i) => i.status === 'closed' && (i.end ?? i.last) >= from);
  return {
    windowMs: m.windowMs,
    scope: m.scope,
    baseline: { ...m.drift.baseline, spec: config.baseline },
    windows,
    range,
    incidents: [...open, ...closed],
    records: m.all.reduce((s, w) => s + w.n, 0),
    leaks: m.all.reduce((s, w) => s + w.leaks.count, 0),
  };
}
