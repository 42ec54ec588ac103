import type { Incident, IncidentEventKind, StoredIncident } from './incident.js';

/** One row to write: a new incident (no id) or a change to a stored one, with the events it makes. */
export interface IncidentWrite {
  id?: number;
  incident: Incident;
  notifiedAfter: number;
  events: Array<{ kind: IncidentEventKind; window: string; why?: string }>;
}

/**
 * What changes between the incidents stored and the incidents the data now shows. A computed
 * incident is the stored one it overlaps in time (same family and direction): its start may move as
 * evidence accrues, its id does not. Events: `opened` for a new one; `closed` when it is back in
 * band; `updated` only when something a reader would act on changed — another detector agrees,
 * another metric mirrors it, it reopened, or its rate moved by at least `minEffect` since it was
 * last announced. Another window out of band is a silent row update, not a message.
 */
export function planIncidents(stored: StoredIncident[], computed: Incident[], o: { minEffect: number }): IncidentWrite[] {
  const writes: IncidentWrite[] = [];
  const matched = new Set<number>();
  for (const c of computed) {
    const s = stored.find((x) => !matched.has(x.id) && x.family === c.family && x.direction === c.direction && overlaps(x, c));
    if (!s) {
      const events: IncidentWrite['events'] = [{ kind: 'opened', window: c.detected }];
      if (c.status === 'closed') events.push({ kind: 'closed', window: c.closedIn ?? c.end ?? c.last });
      writes.push({ incident: c, notifiedAfter: c.after, events });
      continue;
    }
    matched.add(s.id);
    const events: IncidentWrite['events'] = [];
    let notifiedAfter = s.notifiedAfter;
    if (s.status === 'open' && c.status === 'closed') events.push({ kind: 'closed', window: c.closedIn ?? c.end ?? c.last });
    else if (c.status === 'open') {
      const why: string[] = [];
      if (s.status === 'closed') why.push('out of band again');
      const detectors = c.detectors.filter((d) => !s.detectors.includes(d));
      if (detectors.length) why.push(`${detectors.join(' and ')} agrees`);
      const mirrors = c.mirrors.filter((m) => !s.mirrors.some((x) => x.metric === m.metric));
      if (mirrors.length) why.push(`${mirrors.map((m) => m.metric).join(' and ')} moved with it`);
      if (Math.abs(c.after - s.notifiedAfter) >= o.minEffect) why.push(`now ${pct(c.after)} (${pct(s.notifiedAfter)} when last announced)`);
      if (why.length) {
        events.push({ kind: 'updated', window: c.last, why: why.join('; ') });
        notifiedAfter = c.after;
      }
    }
    if (events.length || changed(s, c)) writes.push({ id: s.id, incident: c, notifiedAfter, events });
  }
  for (const s of stored) {
    if (matched.has(s.id) || s.status !== 'open') continue;
    // Late records or a change of baseline no longer show it: close it, and say why.
    writes.push({
      id: s.id,
      incident: { ...s, status: 'closed', end: s.end ?? s.last },
      notifiedAfter: s.notifiedAfter,
      events: [{ kind: 'closed', window: s.last, why: 'withdrawn: the records no longer show it' }],
    });
  }
  return writes;
}

/** Whether two incidents share a window: each spans [start, end), open-ended while open. */
function overlaps(a: Incident, b: Incident): boolean {
  const aEnd = a.end ?? '\uffff';
  const bEnd = b.end ?? '\uffff';
  return a.start < bEnd && b.start < aEnd;
}

const FIELDS = [
  'metric',
  'status',
  'start',
  'detected',
  'last',
  'end',
  'after',
  'afterN',
  'before',
  'beforeN',
  'windows',
  'detections',
] as const;

function changed(s: StoredIncident, c: Incident): boolean {
  return (
    FIELDS.some((f) => s[f] !== c[f]) ||
    s.detectors.join() !== c.detectors.join() ||
    JSON.stringify(s.mirrors) !== JSON.stringify(c.mirrors)
  );
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
