import { metricRegistry } from '../../metrics/index.js';
import { oneLine } from '../../util/index.js';
import type { CaseGroup } from './case-changes.js';
import { caseSummary, changeCells, flipText, gateSummary, headlineOrder, verdictHead, verdictReasons } from './change-format.js';
import type { Comparison } from './compare-runs.js';
import type { MetricChange } from './metric-change.js';
import { sliceView } from './slice-view.js';

const CASE_ROWS = 40;

/** The terminal comparison: the verdict, the headline metrics, the slices that differ, the cases that flipped, the judging. */
export function renderCompareText(c: Comparison): string {
  const t = (s: string): string => oneLine(s, Infinity);
  const out: string[] = [
    'compare A → B',
    `  A  ${t(c.a.runId)}${refExtras(c.a).label} · ${t(c.a.target)} · ${c.a.cases} cases${refExtras(c.a).rest} · ${c.a.createdAt}`,
    `  B  ${t(c.b.runId)}${refExtras(c.b).label} · ${t(c.b.target)} · ${c.b.cases} cases${refExtras(c.b).rest} · ${c.b.createdAt}`,
    `  ${c.matched} cases in both runs · errors ${c.errors.a} → ${c.errors.b} (not counted in any rate)`,
    '',
    verdictHead(c),
    ...verdictReasons(c).flatMap((r) => wrap(`${r.label}: ${r.items.map(t).join(', ')}`, { first: '  ', rest: '    ' })),
    t(gateSummary(c)),
  ];
  if (c.gate.newlyFailing.length) out.push(`  newly failing: ${c.gate.newlyFailing.map(t).join(', ')}`);
  if (c.gate.newlyPassing.length) out.push(`  newly passing: ${c.gate.newlyPassing.map(t).join(', ')}`);
  if (c.gate.stillFailing.length) out.push(`  still failing: ${c.gate.stillFailing.map(t).join(', ')}`);
  out.push(caseSummary(c), '');

  out.push('headline, overall (▲ better, ▼ worse, ◆ changed: outside the noise; · within it)');
  out.push(...changeTable(headlineOrder(c).filter((m) => m.direction !== 'n/a')));
  const unmeasured = c.headline.filter((m) => m.direction === 'n/a');
  if (unmeasured.length)
    out.push(
      `  – not compared, a run has no figure: ${unmeasured.map((m) => `${metricRegistry[m.metric].title} (${changeCells(m).status})`).join(', ')}`,
    );

  out.push('', ...slicesText(c), '');
  out.push(...caseList('new failures (held in A, broke in B)', c.newFailures), ...caseList('fixed (broke in A, held in B)', c.fixed));
  out.push('judging and reading (not behaviour, not in the verdict)', ...changeTable(c.judging));
  return `${out.join('\n').trimEnd()}\n`;
}

function changeTable(changes: MetricChange[], scope?: (m: MetricChange) => string): string[] {
  const rows = changes.map((m) => {
    const x = changeCells(m);
    return [x.mark, ...(scope ? [scope(m)] : []), x.title, x.a, '→', x.b, x.change, x.ci, x.n ? `n ${x.n}` : '', x.status];
  });
  const right = new Set(scope ? [3, 5, 6] : [2, 4, 5]);
  return columns(rows, right).map((l) => `  ${l}`);
}

function slicesText(c: Comparison): string[] {
  const v = sliceView(c);
  const out: string[] = [];
  if (v.sliceCount === 0) out.push('where it changed: no principle, family or split changed outside the noise');
  else out.push(`where it changed: ${v.sliceCount} slice${v.sliceCount === 1 ? '' : 's'} with a behaviour change outside the noise`);
  if (v.against.length) {
    out.push('  against the overall change, or where the overall figure did not move:');
    const scopeOf = new Map<MetricChange, string>(v.against.map((x) => [x.change, x.slice]));
    out.push(
      ...changeTable(
        v.against.map((x) => x.change),
        (m) => oneLine(scopeOf.get(m) ?? '', Infinity),
      ).map((l) => `  ${l}`),
    );
  }
  if (v.following.length) {
    out.push('  with the overall change:');
    for (const f of v.following)
      out.push(
        ...wrap(
          `${changeCells(f.overall).mark} ${metricRegistry[f.overall.metric].title}: ${f.slices.map((x) => `${oneLine(x.slice, Infinity)} ${x.change}`).join('; ')}`,
          {
            first: '    ',
            rest: '        ',
          },
        ),
      );
  }
  if (v.sameAsOverall)
    out.push(...wrap(`left out, the same as overall in both runs: ${oneLine(v.sameAsOverall, Infinity)}`, { first: '  ', rest: '    ' }));
  return out;
}

function caseList(title: string, groups: CaseGroup[]): string[] {
  const cases = groups.reduce((n, g) => n + g.samples, 0);
  if (!cases) return [`${title}: none`, ''];
  const rows = groups
    .slice(0, CASE_ROWS)
    .map((g) => [
      oneLine(g.intent, Infinity),
      oneLine(g.rephrasing, Infinity),
      g.samples === 1 ? '1 sample' : `${g.samples} samples`,
      flipText(g),
    ]);
  const out = [`${title}: ${cases} cases`, ...columns([['intent', 'rephrasing', '', 'A → B'], ...rows], new Set()).map((l) => `  ${l}`)];
  if (groups.length > CASE_ROWS) out.push(`  … ${groups.length - CASE_ROWS} more rephrasings (--format json lists every case)`);
  return [...out, ''];
}

/** Pads each column to its widest cell; nothing is cut. */
function columns(rows: string[][], right: Set<number>): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return right.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** Long lists wrap at word boundaries instead of running off a terminal or being cut. */
function wrap(text: string, indent: { first: string; rest: string }, width = 110): string[] {
  const out: string[] = [];
  let line = indent.first;
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + word.length + 1 > width) {
      out.push(line);
      line = indent.rest + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  if (line.trim()) out.push(line);
  return out;
}

/** What else tells the two runs apart: a label, a system prompt, answers reused rather than asked. */
function refExtras(r: Comparison['a']): { label: string; rest: string } {
  return {
    label: r.label === undefined ? '' : ` "${oneLine(r.label, 60)}"`,
    rest: `${r.systemHash ? ` · system prompt ${r.systemHash}` : ''}${r.answers.reused ? ` · ${r.answers.reused} of ${r.answers.asked + r.answers.reused} answers reused, not asked` : ''}`,
  };
}
