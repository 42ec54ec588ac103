import type { StoredAlert, MonitorStatus, IngestReport, WindowStats } from '../../monitor/index.js';

const pct = (v: number | null): string => (v === null ? '    —' : `${(v * 100).toFixed(1)}%`.padStart(6));

/** The `--json` shape of `monitor status`: windows with rates, and open alerts. */
export function statusJson(s: Omit<MonitorStatus, 'newAlerts'>): unknown {
  return {
    records: s.records,
    windowMs: s.windowMs,
    baseline: s.baseline,
    windows: s.windows.map(({ startMs: _startMs, ...w }) => w),
    alerts: s.alerts.map(alertJson),
  };
}

export function alertJson(a: StoredAlert): Record<string, unknown> {
  return {
    id: a.id,
    metric: a.metric,
    window: a.window,
    windowEnd: a.windowEnd,
    baseline: a.baseline,
    value: a.value,
    test: a.test,
    ...(a.pValue === undefined ? {} : { pValue: a.pValue }),
    statistic: a.statistic,
    direction: a.direction,
    n: a.n,
    baselineN: a.baselineN,
    status: a.status,
  };
}

export function formatAlert(a: StoredAlert): string {
  const test = a.pValue === undefined ? `CUSUM S=${a.statistic.toFixed(1)}` : `z=${a.statistic.toFixed(2)} p=${a.pValue.toExponential(1)}`;
  return `#${a.id} ${a.metric} ${a.direction === 'up' ? '▲' : '▼'} ${(a.value * 100).toFixed(1)}% vs baseline ${(a.baseline * 100).toFixed(1)}% in ${a.window} (n=${a.n}, ${test})`;
}

export function formatWindows(windows: WindowStats[]): string[] {
  const head = 'window start              n  refusal partial complia. errors over-ref harmful script  new  p50 ms';
  return [
    head,
    ...windows.map(
      (w) =>
        `${w.start.padEnd(24)} ${String(w.n).padStart(6)}  ${pct(w.rates.refusal)}  ${pct(w.rates.partial)} ${pct(w.rates.compliance)} ${String(w.counts.error).padStart(6)} ${pct(w.overRefusal.rate)}   ${pct(w.harmfulCompliance.rate)} ${w.scriptIndex === null ? '    —' : w.scriptIndex.toFixed(2).padStart(5)} ${String(w.newTemplates.count).padStart(4)} ${w.latency ? String(Math.round(w.latency.p50)).padStart(7) : '      —'}`,
    ),
  ];
}

export function formatIngest(r: IngestReport, file: string): string[] {
  const lines = [
    `${file}: ${r.lines} line(s) read, ${r.inserted} new record(s) stored, ${r.duplicates} already stored, ${r.malformed} malformed${r.interrupted ? ' — interrupted; run the same command again to continue' : ''}`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  ${file}:${e.line}: ${e.message}`);
  if (r.malformed > 20) lines.push(`  … and ${r.malformed - 20} more malformed line(s)`);
  if (r.redactions) {
    const x = r.redactions;
    lines.push(
      `  redacted: ${x.email} email(s), ${x.phone} phone number(s), ${x.ip} IP address(es), ${x.card} card number(s), ${x.id} id number(s)`,
    );
  }
  return lines;
}
