import type { DriftTest } from './detect-drift.js';
import type { Incident, IncidentEvent, MirrorChange, StoredIncident } from './incident.js';
import type { IncidentWrite } from './plan-incidents.js';
import type { RateMetric } from './window-stats.js';

/** A monitor_incidents row as both stores return it. */
export interface IncidentRow {
  id: number;
  scope: string;
  family: string;
  metric: string;
  direction: string;
  status: string;
  start_window: string;
  detected_window: string;
  last_window: string;
  end_window: string | null;
  before: number;
  before_n: number;
  before_lo: number;
  before_hi: number;
  after: number;
  after_n: number;
  after_lo: number;
  after_hi: number;
  windows: number;
  detectors: string;
  detections: number;
  mirrors: string;
  notified_after: number;
  acked_at: string | null;
  opened_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface IncidentQuery {
  status?: 'open' | 'all';
  /** Only incidents measured under these settings (window | baseline). */
  scope?: string;
  ids?: number[];
  limit?: number;
}

/** The columns an incident sets, in the order both stores write them (after scope, which only an insert sets). */
export const INCIDENT_COLUMNS = [
  'family',
  'metric',
  'direction',
  'status',
  'start_window',
  'detected_window',
  'last_window',
  'end_window',
  'before',
  'before_n',
  'before_lo',
  'before_hi',
  'after',
  'after_n',
  'after_lo',
  'after_hi',
  'windows',
  'detectors',
  'detections',
  'mirrors',
  'notified_after',
  'updated_at',
  'closed_at',
] as const;

/** The values of INCIDENT_COLUMNS for a write; `closed_at` is set once, when it first closes. */
export function incidentValues(w: IncidentWrite, now: string, closedAt: string | null): Array<string | number | null> {
  const i = w.incident;
  return [
    i.family,
    i.metric,
    i.direction,
    i.status,
    i.start,
    i.detected,
    i.last,
    i.end,
    i.before,
    i.beforeN,
    i.beforeCi[0],
    i.beforeCi[1],
    i.after,
    i.afterN,
    i.afterCi[0],
    i.afterCi[1],
    i.windows,
    JSON.stringify(i.detectors),
    i.detections,
    JSON.stringify(i.mirrors),
    w.notifiedAfter,
    now,
    i.status === 'closed' ? (closedAt ?? now) : null,
  ];
}

export function incidentFromRow(r: IncidentRow): StoredIncident {
  const incident: Incident = {
    family: r.family,
    metric: r.metric as RateMetric,
    direction: r.direction === 'down' ? 'down' : 'up',
    status: r.status === 'closed' ? 'closed' : 'open',
    start: r.start_window,
    detected: r.detected_window,
    last: r.last_window,
    end: r.end_window,
    before: r.before,
    beforeN: Number(r.before_n),
    beforeCi: [r.before_lo, r.before_hi],
    after: r.after,
    afterN: Number(r.after_n),
    afterCi: [r.after_lo, r.after_hi],
    windows: Number(r.windows),
    detectors: JSON.parse(r.detectors) as DriftTest[],
    detections: Number(r.detections),
    mirrors: JSON.parse(r.mirrors) as MirrorChange[],
  };
  return {
    ...incident,
    id: Number(r.id),
    scope: r.scope,
    acknowledged: r.acked_at !== null,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    notifiedAfter: r.notified_after,
  };
}

/** The events of the writes, each with the incident as stored after them. */
export function eventsOf(writes: IncidentWrite[], ids: number[], stored: Map<number, StoredIncident>): IncidentEvent[] {
  const out: IncidentEvent[] = [];
  writes.forEach((w, i) => {
    const incident = stored.get(ids[i] as number);
    if (incident) for (const e of w.events) out.push({ kind: e.kind, incident, window: e.window, ...(e.why ? { why: e.why } : {}) });
  });
  return out;
}
