import { formatFigure, formatInterval, metricRegistry, METRIC_IDS } from '../metrics/index.js';
import type { GateRuleResult, MetricDefinition, MetricValue, MetricId, Scorecard } from '../metrics/index.js';

export interface MetricRow {
  id: MetricId;
  title: string;
  description: string;
  value: string;
  ci: string;
  /** Empty when there is no figure: an n beside "n/a" reads as if something had been measured. */
  n: string;
  note: string;
  unit: MetricDefinition<unknown>['unit'];
  raw: number | null;
  better: 'higher' | 'lower' | 'none';
}

export function metricRow(id: MetricId, m: MetricValue): MetricRow {
  const def = metricRegistry[id];
  return {
    id,
    title: def.title,
    description: def.description,
    value: formatFigure(m.value, def.unit),
    ci: formatInterval(m.ci95, def.unit),
    n: m.value === null ? '' : String(m.n),
    note: m.note ?? '',
    unit: def.unit,
    raw: m.value,
    better: def.better,
  };
}

export function metricRows(s: Scorecard): MetricRow[] {
  return METRIC_IDS.map((id) => metricRow(id, s.metrics[id]));
}

/** `0% [0, 29.9]% n=9 (needs ≥ 100%)`: a rule's figure, interval, n and what it needed. */
export function ruleFigure(r: GateRuleResult): string {
  const unit = metricRegistry[r.metric as MetricId]?.unit ?? 'rate';
  const needs = [
    r.threshold.min !== undefined ? `≥ ${formatFigure(r.threshold.min, unit)}` : '',
    r.threshold.max !== undefined ? `≤ ${formatFigure(r.threshold.max, unit)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const figure =
    r.value === null
      ? `no data${r.note ? ` (${r.note})` : ''}`
      : `${formatFigure(r.value, unit)} ${formatInterval(r.ci95, unit)} n=${r.n}`.replace('  ', ' ');
  const bound = r.bound === 'ci' ? ', whole interval' : '';
  return r.status === 'pass' ? figure : `${figure} (needs ${needs}${bound})`;
}
