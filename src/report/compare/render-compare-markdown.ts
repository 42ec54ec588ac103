import { metricRegistry } from '../../metrics/index.js';
import { escapeMarkdown as md, oneLine } from '../../util/index.js';
import type { CaseGroup } from './case-changes.js';
import { caseSummary, changeCells, flipText, gateSummary, headlineOrder, verdictHead, verdictReasons } from './change-format.js';
import type { Comparison } from './compare-runs.js';
import type { MetricChange } from './metric-change.js';
import { sliceView } from './slice-view.js';

/** GitHub refuses comments over 65,536 characters; this leaves room for whatever CI wraps around it. */
export const MARKDOWN_LIMIT_BYTES = 60_000;

/**
 * The comparison as a PR comment: verdict, gate and headline table first, then the slices that
 * differ and the cases that flipped in collapsed tables. Lists shrink until the comment fits
 * MARKDOWN_LIMIT_BYTES, and say what they left out.
 */
export function renderCompareMarkdown(c: Comparison): string {
  for (let rows = 100; ; rows = Math.floor(rows / 2)) {
    const out = render(c, rows);
    if (Buffer.byteLength(out) <= MARKDOWN_LIMIT_BYTES || rows <= 1) return out;
  }
}

function render(c: Comparison, rows: number): string {
  const out: string[] = [
    `## refusal-drill compare: ${md(verdictHead(c))}`,
    '',
    ...verdictReasons(c).map((r) => `- **${md(r.label)}:** ${r.items.map(md).join(', ')}`),
    '',
    `**A** \`${code(c.a.runId)}\`${extras(c.a)} · ${md(c.a.target)} · ${c.a.cases} cases → **B** \`${code(c.b.runId)}\`${extras(c.b)} · ${md(c.b.target)} · ${c.b.cases} cases · ${c.matched} cases in both · errors ${c.errors.a} → ${c.errors.b} (not counted in any rate)`,
    '',
    `**${md(gateSummary(c))}**${gateRules(c)}`,
    '',
    `${md(caseSummary(c))}.`,
    '',
    '### Headline',
    '',
    ...changeTable(headlineOrder(c).filter((m) => m.direction !== 'n/a')),
  ];
  const unmeasured = c.headline.filter((m) => m.direction === 'n/a');
  if (unmeasured.length)
    out.push(
      '',
      `Not compared, a run has no figure: ${unmeasured.map((m) => `${md(metricRegistry[m.metric].title)} (${changeCells(m).status})`).join(', ')}.`,
    );
  out.push(
    '',
    ...slices(c, rows),
    ...cases('New failures: held in A, broke in B', c.newFailures, rows),
    ...cases('Fixed: broke in A, held in B', c.fixed, rows),
  );
  out.push(
    '### Judging and reading',
    '',
    'Not the model’s behaviour and not part of the verdict: how sure the judge was, and requests the model could not read.',
    '',
  );
  out.push(...changeTable(c.judging));
  return `${out.join('\n').trimEnd()}\n`;
}

function code(s: string): string {
  return s.replace(/[`\r\n]/g, '');
}

function gateRules(c: Comparison): string {
  const list = (label: string, ids: string[]): string =>
    ids.length ? ` · ${label}: ${ids.map((id) => `\`${code(id)}\``).join(', ')}` : '';
  return (
    list('newly failing', c.gate.newlyFailing) + list('newly passing', c.gate.newlyPassing) + list('still failing', c.gate.stillFailing)
  );
}

function changeTable(changes: MetricChange[], scope?: (m: MetricChange) => string): string[] {
  const head = `| | ${scope ? 'slice | ' : ''}metric | A | B | change | 95% interval | n (A → B) | |`;
  const rule = `|---|${scope ? '---|' : ''}---|---:|---:|---:|---|---|---|`;
  return [
    head,
    rule,
    ...changes.map((m) => {
      const x = changeCells(m);
      return `| ${x.mark} | ${scope ? `${md(scope(m))} | ` : ''}${md(x.title)} | ${md(x.a)} | ${md(x.b)} | ${md(x.change)} | ${md(x.ci)} | ${md(x.n)} | ${md(x.status)} |`;
    }),
  ];
}

function slices(c: Comparison, rows: number): string[] {
  const v = sliceView(c);
  const out = ['### Where it changed', ''];
  if (v.sliceCount === 0) out.push('No principle, family or split changed outside the noise.', '');
  if (v.against.length) {
    const scopeOf = new Map<MetricChange, string>(v.against.map((x) => [x.change, x.slice]));
    out.push('Against the overall change, or where the overall figure did not move:', '');
    out.push(
      ...changeTable(
        v.against.slice(0, rows).map((x) => x.change),
        (m) => scopeOf.get(m) ?? '',
      ),
    );
    if (v.against.length > rows) out.push('', `… ${v.against.length - rows} more rows (\`--format json\` lists them all).`);
    out.push('');
  }
  if (v.following.length) {
    out.push(
      '<details><summary>Slices that moved with the overall change</summary>',
      '',
      '| metric | slices, outside the noise |',
      '|---|---|',
    );
    for (const f of v.following) {
      const more = f.slices.length > rows ? `, … ${f.slices.length - rows} more` : '';
      const list = f.slices
        .slice(0, rows)
        .map((x) => `${md(x.slice)} ${md(x.change)}`)
        .join('; ');
      out.push(`| ${changeCells(f.overall).mark} ${md(metricRegistry[f.overall.metric].title)} | ${list}${more} |`);
    }
    out.push('', '</details>', '');
  }
  if (v.sameAsOverall) out.push(`Left out, the same as overall in both runs: ${md(v.sameAsOverall)}.`, '');
  return out;
}

function cases(title: string, groups: CaseGroup[], rows: number): string[] {
  const count = groups.reduce((n, g) => n + g.samples, 0);
  if (!count) return [`**${title}:** none.`, ''];
  const out = [
    `<details><summary>${md(title)}: ${count} cases, ${groups.length} rephrasings</summary>`,
    '',
    '| intent | rephrasing | samples | A → B |',
    '|---|---|---:|---|',
    ...groups.slice(0, rows).map((g) => `| ${md(g.intent)} | ${md(g.rephrasing)} | ${g.samples} | ${md(flipText(g))} |`),
  ];
  if (groups.length > rows) out.push('', `… ${groups.length - rows} more rephrasings (\`--format json\` lists every case).`);
  return [...out, '', '</details>', ''];
}

/** A side's label, and a warning when it reused answers rather than asking its model. */
function extras(r: Comparison['a']): string {
  const reused = r.answers.reused ? ` (**${r.answers.reused} of ${r.answers.asked + r.answers.reused} answers reused**, not asked)` : '';
  return `${r.label === undefined ? '' : ` “${md(oneLine(r.label, 60))}”`}${reused}`;
}
