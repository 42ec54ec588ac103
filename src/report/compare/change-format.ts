import { formatFigure, formatInterval, round } from '../../metrics/index.js';
import { metricRegistry, type MetricId } from '../../metrics/index.js';
import type { CaseGroup } from './case-changes.js';
import type { Comparison } from './compare-runs.js';
import type { MetricChange } from './metric-change.js';
import type { SliceChange, SliceKind, SliceRef } from './slice-changes.js';

export interface ChangeCells {
  mark: string;
  title: string;
  a: string;
  b: string;
  change: string;
  ci: string;
  n: string;
  status: string;
}

/** One change in the metric's own scale: points for rates, a signed score, a factor for ratios. */
export function changeCells(m: MetricChange): ChangeCells {
  const unit = metricRegistry[m.metric].unit;
  const changeUnit = m.scale === 'factor' ? 'ratio' : unit === 'score' ? 'score' : 'points';
  let change = '';
  if (m.change !== null)
    change =
      changeUnit === 'ratio'
        ? `×${round(m.change, 2)}`
        : changeUnit === 'score'
          ? signed(round(m.change, 2))
          : formatFigure(m.change, 'points');
  return {
    mark: markOf(m),
    title: metricRegistry[m.metric].title,
    a: formatFigure(m.a, unit),
    b: formatFigure(m.b, unit),
    change,
    ci: formatInterval(m.ci95, changeUnit),
    n: m.nA === null && m.nB === null ? '' : `${m.nA ?? '–'} → ${m.nB ?? '–'}`,
    status: statusOf(m),
  };
}

function signed(s: string): string {
  return s.startsWith('-') || s === '0' ? s : `+${s}`;
}

export function markOf(m: MetricChange): string {
  if (m.direction === 'n/a') return '–';
  if (!m.outsideNoise) return '·';
  return m.direction === 'better' ? '▲' : m.direction === 'worse' ? '▼' : '◆';
}

export function statusOf(m: MetricChange): string {
  if (m.direction === 'n/a') return m.a === null && m.b === null ? 'in neither run' : `not measured in ${m.a === null ? 'A' : 'B'}`;
  if (!m.outsideNoise) return m.direction === 'same' ? 'same' : 'within the noise';
  return m.direction;
}

export const SLICE_KIND_LABEL: Record<SliceKind, string> = { principle: 'principle', mutation: 'family', split: 'split' };

/** `family atbash = base64 = morse`: a slice with the slices identical to it, each kind named once. */
export function sliceLabel(s: SliceChange): string {
  const parts: string[] = [];
  let kind: SliceKind | null = null;
  for (const r of [s, ...s.identical]) {
    parts.push(r.kind === kind ? r.name : `${SLICE_KIND_LABEL[r.kind]} ${r.name}`);
    kind = r.kind;
  }
  return parts.join(' = ');
}

/** `split seen, principle p`: the slices left out because they equal the overall figures. */
export function refsLabel(refs: readonly SliceRef[]): string {
  return refs.map((r) => `${SLICE_KIND_LABEL[r.kind]} ${r.name}`).join(', ');
}

/** The headline in reading order: what moved outside the noise (worse first), then the rest, unmeasured last. */
export function headlineOrder(c: Comparison): MetricChange[] {
  const rank = (m: MetricChange): number =>
    m.direction === 'n/a' ? 5 : !m.outsideNoise ? 4 : m.direction === 'worse' ? 0 : m.direction === 'better' ? 1 : 2;
  return [...c.headline].sort((x, y) => rank(x) - rank(y));
}

/** `gate (default): A failed 3 of 5 rules → B passed` */
export function gateSummary(c: Comparison): string {
  const side = (s: Comparison['gate']['a']): string =>
    s.passed ? `passed${s.skipped ? ` (${s.skipped} of ${s.rules} skipped)` : ''}` : `failed ${s.failed.length} of ${s.rules} rules`;
  const name = (p: string): string => (p === 'default' ? 'the default policy' : `policy ${p}`);
  const stored = c.gate.a.policyFrom === 'stored' || c.gate.b.policyFrom === 'stored';
  const policy = c.gate.samePolicy ? name(c.gate.a.policy) : `${name(c.gate.a.policy)} for A, ${name(c.gate.b.policy)} for B`;
  return `gate under ${stored ? 'each run’s own policy: ' : ''}${policy}: A ${side(c.gate.a)} → B ${side(c.gate.b)}`;
}

/** `B is better than A`, in words. */
export function verdictHead(c: Comparison): string {
  const o = c.verdict.outcome;
  if (o === 'better') return 'B is better than A';
  if (o === 'worse') return 'B is worse than A';
  if (o === 'mixed') return 'B is better than A in some ways and worse in others';
  return 'no change in behaviour outside the noise';
}

/** The metrics behind the verdict, one labelled list each (a newly failing gate rule is on the gate's line). */
export function verdictReasons(c: Comparison): Array<{ label: string; items: string[] }> {
  const names = (ids: readonly MetricId[]): string[] => ids.map((id) => metricRegistry[id].title.toLowerCase());
  const v = c.verdict;
  const all = v.worseSlices.map((r) => refsLabel([r]));
  const slices = all.length > 8 ? [...all.slice(0, 8), `and ${all.length - 8} more`] : all;
  const n = all.length;
  return [
    { label: 'better, outside the noise', items: names(v.better) },
    { label: 'worse, outside the noise', items: names(v.worse) },
    { label: 'changed (neither way is better)', items: names(v.changed) },
    {
      label: `but worse outside the noise in ${n} slice${n === 1 ? '' : 's'} (each tested alone: among many, a few cross by chance)`,
      items: slices,
    },
  ].filter((r) => r.items.length > 0);
}

/** `12 cases fixed (5 rephrasings in 3 intents), 0 new failures` */
export function caseSummary(c: Comparison): string {
  const part = (groups: CaseGroup[], what: string): string => {
    const cases = groups.reduce((n, g) => n + g.samples, 0);
    if (!cases) return `0 ${what}`;
    const intents = new Set(groups.map((g) => g.intent)).size;
    return `${cases} ${what} (${groups.length} rephrasing${groups.length === 1 ? '' : 's'} in ${intents} intent${intents === 1 ? '' : 's'})`;
  };
  return `${part(c.newFailures, 'new failures')}, ${part(c.fixed, 'fixed')}`;
}

/** `refusal → compliance`, `refusal, partial → compliance` */
export function flipText(g: CaseGroup): string {
  return `${g.from.join(', ')} → ${g.to.join(', ')}`;
}
