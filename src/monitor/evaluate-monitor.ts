import type { StoredAlert } from './alert-store.js';
import { parseBaseline } from './baseline.js';
import { detectDrift, type DriftResult } from './detect-drift.js';
import type { MonitorConfig } from './monitor-config.js';
import type { MonitorStore } from './monitor-store.js';
import type { WindowStats } from './window-stats.js';
import { parseWindowSize } from './window-size.js';

export interface MonitorStatus {
  windowMs: number;
  baseline: DriftResult['baseline'] & { spec: string };
  /** The most recent windows, oldest first. */
  windows: WindowStats[];
  alerts: StoredAlert[];
  /** Alerts this evaluation raised for the first time. */
  newAlerts: StoredAlert[];
  records: number;
}

/**
 * Recomputes windows, runs the drift detectors and stores any alert not raised before.
 * Idempotent: evaluating twice over the same records raises nothing new the second time.
 */
export async function evaluateMonitor(
  monitor: MonitorStore,
  config: MonitorConfig,
  options: { recent?: number } = {},
): Promise<MonitorStatus> {
  const windowMs = parseWindowSize(config.window);
  const all = await monitor.windows({ windowMs });
  const drift = detectDrift({
    windows: all,
    baseline: parseBaseline(config.baseline, windowMs),
    fdr: config.fdr,
    minN: config.minN,
    minEffect: config.minEffect,
  });
  const newAlerts = await monitor.saveAlerts(drift.alerts, `${config.window}|${config.baseline}`);
  const recent = options.recent ?? 48;
  return {
    windowMs,
    baseline: { ...drift.baseline, spec: config.baseline },
    windows: all.slice(-recent),
    alerts: await monitor.listAlerts({ status: 'open' }),
    newAlerts,
    records: all.reduce((s, w) => s + w.n, 0),
  };
}

/** The same view without running the detectors: for pages and `status`, which must not write. */
export async function readMonitorStatus(
  monitor: MonitorStore,
  config: MonitorConfig,
  options: { recent?: number } = {},
): Promise<Omit<MonitorStatus, 'newAlerts'>> {
  const windowMs = parseWindowSize(config.window);
  const all = await monitor.windows({ windowMs });
  const spec = parseBaseline(config.baseline, windowMs);
  const drift = detectDrift({ windows: all, baseline: spec, fdr: config.fdr, minN: config.minN, minEffect: config.minEffect });
  return {
    windowMs,
    baseline: { ...drift.baseline, spec: config.baseline },
    windows: all.slice(-(options.recent ?? 48)),
    alerts: await monitor.listAlerts({ status: 'open' }),
    records: all.reduce((s, w) => s + w.n, 0),
  };
}
