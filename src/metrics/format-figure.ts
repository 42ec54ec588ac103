import type { MetricDefinition } from './metric.js';
import type { Interval } from './stats/wilson.js';

type Unit = MetricDefinition<unknown>['unit'];

/** A figure as people read it: rates in %, differences in points, ratios with ×, scores as numbers. */
export function formatFigure(value: number | null, unit: Unit): string {
  if (value === null) return 'n/a';
  if (unit === 'rate') return `${round(value * 100)}%`;
  if (unit === 'points') return `${value > 0 ? '+' : ''}${round(value * 100)} pts`;
  if (unit === 'score') return round(value, 2);
  return `${round(value, 2)}×`;
}

export function formatInterval(ci: Interval | null, unit: Unit): string {
  if (!ci) return '';
  if (unit === 'rate') return `[${round(ci[0] * 100)}, ${round(ci[1] * 100)}]%`;
  if (unit === 'points') return `[${round(ci[0] * 100)}, ${round(ci[1] * 100)}] pts`;
  if (unit === 'score') return `[${round(ci[0], 2)}, ${round(ci[1], 2)}]`;
  return `[${round(ci[0], 2)}, ${round(ci[1], 2)}]×`;
}

export function round(x: number, digits = 1): string {
  // -0.0001 would print as "-0"
  const s = (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') || '0' : s;
}
