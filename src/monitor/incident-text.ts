import type { Incident, IncidentEvent, StoredIncident } from './incident.js';
import { plural } from '../util/index.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const arrow = (d: 'up' | 'down'): string => (d === 'up' ? '▲' : '▼');
const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const TESTS: Record<string, string> = { 'two-proportion-z': 'z-test', cusum: 'CUSUM' };

/** `refusal ▲ 9.8% → 21.8% (95% CI 20.1–23.6%) since 2026-03-03 10:00 UTC, 14 windows, z-test + CUSUM; compliance ▼ with it`. */
export function describeIncident(i: Incident): string {
  const span = i.status === 'open' ? `since ${when(i.start)}` : `${when(i.start)} to ${when(i.end ?? i.last)}`;
  const mirrors = i.mirrors.length
    ? `; with it ${i.mirrors.map((m) => `${m.metric} ${arrow(m.direction)} ${pct(m.before)} → ${pct(m.after)}`).join(', ')}`
    : '';
  return `${i.metric} ${arrow(i.direction)} ${pct(i.before)} → ${pct(i.after)} (95% CI ${pct(i.afterCi[0])}–${pct(i.afterCi[1])}, n=${i.afterN}) ${span}, ${plural(i.windows, 'window')}, ${i.detectors.map((t) => TESTS[t] ?? t).join(' + ')}${mirrors}`;
}

export function describeEvent(e: IncidentEvent): string {
  const head = e.kind === 'opened' ? 'opened' : e.kind === 'closed' ? 'closed: back in band' : 'updated';
  return `incident #${e.incident.id} ${head}${e.why ? ` (${e.why})` : ''}: ${describeIncident(e.incident)}`;
}

export interface HistorySummary {
  from: string;
  to: string;
  windows: number;
  opened: number;
  closed: number;
  /** Incidents the history leaves open, as they stand now. */
  open: StoredIncident[];
}

/** Back-filled history as one message: how much was read, what opened and closed, what is still open. */
export function summariseHistory(history: IncidentEvent[], span: { from: string; to: string; windows: number }): HistorySummary {
  const open = new Map<number, StoredIncident>();
  for (const e of history) if (e.incident.status === 'open') open.set(e.incident.id, e.incident);
  return {
    ...span,
    opened: history.filter((e) => e.kind === 'opened').length,
    closed: history.filter((e) => e.kind === 'closed').length,
    open: [...open.values()],
  };
}

export function historyText(s: HistorySummary): string {
  const head = `back-filled ${plural(s.windows, 'window')}, ${when(s.from)} to ${when(s.to)}: ${plural(s.opened, 'incident')} opened, ${s.closed} closed`;
  return s.open.length ? `${head}; still open: ${s.open.map((i) => `#${i.id} ${describeIncident(i)}`).join('; ')}` : head;
}
