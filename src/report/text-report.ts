import { describeAnswers, formatFigure } from '../metrics/index.js';
import type { Scorecard } from '../metrics/index.js';
import { oneLine, stripControl } from '../util/index.js';
import { gateLines } from './gate-lines.js';
import { LANGUAGE_COLUMNS, languageRows } from './language-rows.js';
import { metricRows } from './metric-rows.js';
import { gateOf, type ReportInput } from './report-input.js';

const ansi = (code: number) => (on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const red = ansi(31);
const green = ansi(32);
const dim = ansi(2);
const bold = ansi(1);

/** The compact terminal scorecard: gate (failed rules first), metrics, principles, what broke. */
export function renderText(input: ReportInput): string {
  const s = input.scorecard;
  const c = input.color ?? false;
  const paint = { bad: red(c), good: green(c), dim: dim(c) };
  const out: string[] = [];
  const safe = (t: string): string => stripControl(t);
  out.push(bold(c)(`refusal-drill scorecard — run ${safe(s.runId)} · ${safe(s.target)} · ${s.packs.map(safe).join(', ')}`));
  if (s.label !== undefined) out.push(`label: ${oneLine(s.label, Infinity)}`);
  out.push(`answers: ${describeAnswers(s.answers)}${s.systemHash ? ` · system prompt ${s.systemHash}` : ''}`);
  const errors = s.counts.error ? paint.bad(` · ${s.counts.error} errors (not counted in any rate)`) : '';
  out.push(
    `${s.counts.results}/${s.counts.cases} cases: refusal ${s.counts.refusal} · partial ${s.counts.partial} · compliance ${s.counts.compliance}${errors}`,
  );
  const gate = gateOf(input);
  if (gate) out.push('', ...gateLines(gate, paint));
  out.push('', `${'metric'.padEnd(30)}${'value'.padStart(9)}  ${'95% interval'.padEnd(20)}${'n'.padStart(6)}`);
  for (const r of metricRows(s)) {
    const note = r.note ? paint.dim(`  ${oneLine(r.note, Infinity)}`) : '';
    out.push(`  ${r.title.padEnd(28)}${r.value.padStart(9)}  ${r.ci.padEnd(20)}${String(r.n).padStart(6)}${note}`);
  }
  out.push(...principleTable(s), ...languageTable(s), ...findings(s, paint));
  return `${out.join('\n')}\n`;
}

function principleTable(s: Scorecard): string[] {
  const names = Object.keys(s.byPrinciple);
  if (names.length === 0) return [];
  // principle names are printed whole: a cut label reads as another principle
  const width = Math.max(9, ...names.map((n) => oneLine(n, Infinity).length));
  const out = [
    '',
    `${'principle'.padEnd(width + 2)}${['hold', 'all-k', 'over-ref', 'reasoned', 'script', 'n'].map((h) => h.padStart(9)).join('')}`,
  ];
  for (const [name, slice] of Object.entries(s.byPrinciple)) {
    const m = slice.metrics;
    const cells = [m.hold_rate, m.hold_all_k, m.over_refusal_rate, m.reasoned_refusal_rate, m.script_index].map((v) =>
      formatFigure(v.value, 'rate').padStart(9),
    );
    out.push(`  ${oneLine(name, Infinity).padEnd(width)}${cells.join('')}${String(slice.counts.n).padStart(9)}`);
  }
  return out;
}

function languageTable(s: Scorecard): string[] {
  const rows = languageRows(s);
  if (rows.length === 0) return [];
  const width = Math.min(12, Math.max(8, ...rows.map((r) => stripControl(r.language).length)));
  const titles = LANGUAGE_COLUMNS.map((c) => c.title.padStart(Math.max(9, c.title.length + 1)));
  const out = ['', `${'language'.padEnd(width + 2)}${titles.join('')}${'n'.padStart(7)}`];
  for (const r of rows) {
    const cells = r.cells.map((v, i) => formatFigure(v.value, 'rate').padStart(titles[i]!.length));
    out.push(`  ${oneLine(r.language, width).padEnd(width)}${cells.join('')}${String(r.cases).padStart(7)}`);
  }
  return out;
}

function findings(s: Scorecard, paint: { bad: (s: string) => string; dim: (s: string) => string }): string[] {
  const out: string[] = [''];
  const weak = (s.metrics.robustness.detail?.families ?? []).filter((f) => f.rate < 1).slice(0, 5);
  if (weak.length)
    out.push(
      `weakest rephrasing families: ${weak.map((f) => `${oneLine(f.family, Infinity)} ${formatFigure(f.rate, 'rate')} (n=${f.n})`).join(' · ')}`,
    );
  const unread = Object.entries(s.byMutation)
    .filter(([, slice]) => slice.counts.not_understood > 0)
    .sort((a, b) => b[1].counts.not_understood - a[1].counts.not_understood);
  if (unread.length)
    out.push(
      `could not read the request: ${unread
        .slice(0, 5)
        .map(([family, slice]) => `${oneLine(family, Infinity)} ${slice.counts.not_understood} of ${slice.counts.n}`)
        .join(' · ')} (not understood — neither a hold nor a break)`,
    );
  const tpl = s.metrics.script_index.detail;
  if (tpl && tpl.refusals > 0) {
    out.push(
      `refusal templates: ${tpl.templates} for ${tpl.refusals} refusals; the largest holds ${formatFigure(tpl.largestShare, 'rate')}`,
    );
    for (const t of tpl.top.slice(0, 3))
      out.push(paint.dim(`  ${String(t.count).padStart(5)}×  "${oneLine(t.examples[0]?.text ?? t.key, 90)}"`));
    const opening = tpl.openings.top[0];
    if (opening && tpl.refusals >= 2)
      out.push(
        `refusal openings: ${formatFigure(opening.share, 'rate')} of refusals open "${oneLine(opening.opening, Infinity)} …"${
          tpl.openings.top.length > 1
            ? `; next: ${tpl.openings.top
                .slice(1, 3)
                .map((o) => `"${oneLine(o.opening, Infinity)} …" ${formatFigure(o.share, 'rate')}`)
                .join(', ')}`
            : ''
        }`,
      );
  }
  const tw = s.metrics.trigger_words.detail;
  if (tw && tw.intents.length)
    out.push(
      `trigger words: ${tw.summary}${
        tw.words.length
          ? ` — ${tw.words
              .slice(0, 8)
              .map((w) => `${oneLine(w.word, Infinity)} (${w.intents})`)
              .join(', ')}`
          : ''
      }`,
    );
  const curve = s.metrics.multiturn_survival.detail?.curve ?? [];
  if (curve.length) out.push(`multi-turn survival: ${curve.map((p) => `turn ${p.turn} ${formatFigure(p.survival, 'rate')}`).join(' · ')}`);
  const lat = s.metrics.latency.detail;
  if (lat && s.metrics.latency.value !== null) {
    const ms = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x)} ms`);
    const [rm, cm] =
      lat.basis === 'ttft' ? [lat.refusal.ttftMedian, lat.compliance.ttftMedian] : [lat.refusal.totalMedian, lat.compliance.totalMedian];
    const line = `latency (${lat.basis === 'ttft' ? 'first token' : 'total'}): refusals ${ms(rm)} vs answers ${ms(cm)} median`;
    out.push(lat.reflex ? paint.bad(`${line} — refusals are much faster: a canned reflex?`) : line);
  }
  const ju = s.metrics.judge_uncertain_rate.detail;
  if (ju && s.metrics.judge_uncertain_rate.n > 0) {
    const line = `judge: ${ju.judges.map((j) => oneLine(j, Infinity)).join(', ')} · mean confidence ${ju.meanConfidence.toFixed(2)} · ${ju.uncertain} of ${s.metrics.judge_uncertain_rate.n} verdicts below ${ju.band} · about ${Math.round(ju.expectedMisreads)} expected misread`;
    out.push(ju.uncertain > 0 ? `${line} (read them, or decide them with --judge cascade:llm:<spec>)` : line);
  }
  return out.length > 1 ? out : [];
}
