import type { DriftTest } from './detect-drift.js';
import type { RateMetric } from './window-stats.js';

/**
 * Metrics that move together count as one change. Refusal, partial and compliance are shares of the
 * same judged records: when refusals rise, compliance falls by as much, and two alerts would report
 * one change twice. Each other metric is a family of its own.
 */
export const METRIC_FAMILIES: Record<string, readonly RateMetric[]> = {
  verdicts: ['refusal', 'compliance', 'partial'],
  error: ['error'],
  notUnderstood: ['notUnderstood'],
  overRefusal: ['overRefusal'],
  harmfulCompliance: ['harmfulCompliance'],
};

export function familyOf(metric: RateMetric): string {
  for (const [family, members] of Object.entries(METRIC_FAMILIES)) if (members.includes(metric)) return family;
  return metric;
}

/** Another metric of the family that moved with the incident's own: shown with it, never alerted on its own. */
export interface MirrorChange {
  metric: RateMetric;
  direction: 'up' | 'down';
  before: number;
  after: number;
}

/**
 * One change in one metric family: opened when a detector first finds the metric out of its
 * baseline band, updated while it stays out, closed when it is back in band for `closeAfter`
 * tested windows in a row. Every detector that fired on it is folded in.
 */
export interface Incident {
  family: string;
  /** The metric the incident is about (the first of its family a detector found). */
  metric: RateMetric;
  direction: 'up' | 'down';
  status: 'open' | 'closed';
  /** Window (ISO start) where the change began: the earliest a detector puts it. */
  start: string;
  /** Window in which a detector first fired. */
  detected: string;
  /** Last window that was still out of band (a detection, or its own rate a standard error or more from the baseline). */
  last: string;
  /** Window in which the metric was back in band (the first of the run that closed it); null while open. */
  end: string | null;
  /** The window in which that became clear (the last of the run); computed, not stored. */
  closedIn?: string;
  /** The baseline rate, with its records and Wilson interval. */
  before: number;
  beforeN: number;
  beforeCi: [number, number];
  /** The rate over the incident's windows (start to last), with its records and Wilson interval. */
  after: number;
  afterN: number;
  afterCi: [number, number];
  /** Windows from start to last. */
  windows: number;
  detectors: DriftTest[];
  /** How many detector firings were folded into it. */
  detections: number;
  mirrors: MirrorChange[];
}

export interface StoredIncident extends Incident {
  id: number;
  /** The settings it was measured under (window | baseline); a change of settings starts afresh. */
  scope: string;
  acknowledged: boolean;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The `after` rate last announced (opened or updated), so an update is sent only when it moved. */
  notifiedAfter: number;
}

export type IncidentEventKind = 'opened' | 'updated' | 'closed';

/** A change of state, with the window that caused it: what the webhook and the CLI report. */
export interface IncidentEvent {
  kind: IncidentEventKind;
  incident: StoredIncident;
  /** Window (ISO start) the transition happened in. */
  window: string;
  /** For `updated`: what changed. */
  why?: string;
}
