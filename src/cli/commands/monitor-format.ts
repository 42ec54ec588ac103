import type { MonitorStatus, StoredIncident, IngestReport, WindowStats } from '../../monitor/index.js';
import { describeIncident } from '../../monitor/index.js';
import { plural } from '../../util/index.js';

const pct = (v: number | null): string => (v === null ? '    —' : `${(v * 100).toFixed(1)}%`.padStart(6));

/** The `--json` shape of `monitor status`: windows with rates, and incidents. */
export function statusJson(s: MonitorStatus): unknown {
  return {
    records: s.records,
    leaks: s.leaks,
    windowMs: s.windowMs,
    scope: s.scope,
    baseline: s.baseline,
    windows: s.windows.map(({ startMs: _startMs, ...w }) => w),
    incidents: s.incidents,
  };
}

/** `#3 open refusal ▲ 9.8% → 21.8% (95% CI …) since …`, acknowledged ones marked. */
export function formatIncident(i: StoredIncident): string {
  return `#${i.id} ${i.status}${i.acknowledged ? ' (acknowledged)' : ''} ${describeIncident(i)}`;
}

export function formatWindows(windows: WindowStats[]): string[] {
  const head = 'window start              n  refusal partial complia. errors not-und over-ref harmful  leaks script  new  p50 ms';
  return [
    head,
    ...windows.map(
      (w) =>
        `${w.start.padEnd(24)} ${String(w.n).padStart(6)}  ${pct(w.rates.refusal)}  ${pct(w.rates.partial)} ${pct(w.rates.compliance)} ${String(w.counts.error).padStart(6)} ${String(w.counts.not_understood).padStart(7)} ${pct(w.overRefusal.rate)}   ${pct(w.harmfulCompliance.rate)} ${String(w.leaks.count).padStart(6)} ${w.scriptIndex === null ? '    —' : w.scriptIndex.toFixed(2).padStart(5)} ${String(w.newTemplates.count).padStart(4)} ${w.latency ? String(Math.round(w.latency.p50)).padStart(7) : '      —'}`,
    ),
  ];
}

export function formatIngest(r: IngestReport, file: string): string[] {
  const lines = [
    `${file}: ${plural(r.lines, 'line')} read, ${plural(r.inserted, 'new record')} stored, ${r.duplicates} already stored, ${r.malformed} malformed${r.interrupted ? ' — interrupted; run the same command again to continue' : ''}`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  ${file}:${e.line}: ${e.message}`);
  if (r.malformed > 20) lines.push(`  … and ${plural(r.malformed - 20, 'more malformed line')}`);
  if (r.redactions) {
    const x = r.redactions;
    lines.push(
      `  redacted: ${plural(x.email, 'email')}, ${plural(x.phone, 'phone number')}, ${plural(x.ip, 'IP address', 'IP addresses')}, ${plural(x.card, 'card number')}, ${plural(x.id, 'id number')}`,
    );
  }
  return lines;
}
