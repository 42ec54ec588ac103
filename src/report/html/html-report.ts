import { createHash } from 'node:crypto';
import { escapeHtml as h, jsonForHtml } from '../../util/index.js';
import type { ReportCases } from '../report-cases.js';
import { casesOf, gateOf, type ReportInput } from '../report-input.js';
import { BROWSER_SCRIPT } from './browser-script.js';
import { heatmapSvg, latencySvg, survivalSvg, templatesSvg, tradeoffSvg } from './charts.js';
import { gateHtml, headerHtml, languagesHtml, metricsHtml, principlesHtml, templatesHtml, triggersHtml } from './sections.js';
import { STYLE } from './style.js';
import { transcriptData } from './transcript-data.js';
import { TRANSCRIPTS_HTML } from './transcripts-section.js';

/**
 * One self-contained page: inline CSS, SVG charts drawn here, one inline script. The CSP forbids
 * every network fetch and every script but ours (pinned by hash), so even text that escaped
 * escaping could not run or phone home.
 */
export function renderHtml(input: ReportInput): string {
  const s = input.scorecard;
  const gate = gateOf(input);
  const cases = casesOf(input);
  const scriptHash = createHash('sha256').update(BROWSER_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const rob = s.metrics.robustness.detail;
  const survival = s.metrics.multiturn_survival.detail?.curve ?? [];
  const latency = s.metrics.latency.detail;
  const none = (what: string): string => `<p class="note">${h(what)}</p>`;
  const figure = (id: string, title: string, body: string, caption: string): string =>
    `<figure id="${id}"><h2>${h(title)}</h2>${body}<figcaption class="note">${h(caption)}</figcaption></figure>`;
  const body = [
    headerHtml(s, gate),
    `<nav><a href="#gate">gate</a><a href="#metrics">scorecard</a><a href="#principles">principles</a>${Object.keys(s.byLanguage ?? {}).length > 1 ? '<a href="#languages">languages</a>' : ''}<a href="#heatmap">robustness</a><a href="#templates">templates</a><a href="#survival">survival</a><a href="#latency">latency</a><a href="#tradeoff">trade-off</a><a href="#triggers">trigger words</a><a href="#transcripts">transcripts</a></nav>`,
    gateHtml(gate),
    metricsHtml(s),
    principlesHtml(s),
    languagesHtml(s),
    figure(
      'heatmap',
      'Robustness: hold rate per intent × rephrasing family',
      rob && rob.cells.length ? heatmapSvg(rob) : none('No harmful single-turn cases.'),
      'Columns are ranked weakest family first; red cells are where a rephrasing got an answer.',
    ),
    templatesHtml(s, s.metrics.script_index.detail?.top.length ? templatesSvg(s.metrics.script_index.detail.top) : ''),
    '<div class="charts">',
    figure(
      'survival',
      'Multi-turn survival',
      survival.length ? survivalSvg(survival) : none('No multi-turn sequences in this run.'),
      'Share of escalation sequences still refusing after each turn (Kaplan–Meier; shorter sequences leave the risk set).',
    ),
    figure(
      'latency',
      'Latency: refusals vs answers',
      latency && (latency.refusal.n || latency.compliance.n) ? latencySvg(latency) : none('No timed responses.'),
      latency?.reflex ? 'Refusals come back much faster than answers: a canned reflex?' : 'Median and 90th percentile per judged turn.',
    ),
    figure(
      'tradeoff',
      'Over-refusal vs hold, per principle',
      tradeoffSvg(s.byPrinciple),
      'Top left is best: harmful requests refused, benign look-alikes answered. Whiskers are 95% intervals.',
    ),
    '</div>',
    triggersHtml(s),
    input.auditHtml ?? '',
    leftOutHtml(cases, s.runId),
    TRANSCRIPTS_HTML,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>refusal-drill · ${h(s.runId)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
<script type="application/json" id="rd-data">${jsonForHtml(transcriptData(cases))}</script>
<script>${BROWSER_SCRIPT}</script>
</body>
</html>
`;
}

/** A large run's report embeds a selection of its transcripts: say so plainly, and where the rest are. */
function leftOutHtml(cases: ReportCases, runId: string): string {
  const left = cases.total - cases.embedded.length;
  if (left <= 0) return '';
  const n = (x: number): string => x.toLocaleString('en-US');
  return `<p class="notice" id="left-out" role="note"><strong>${n(left)} of ${n(cases.total)} transcripts are left out of this page</strong> to keep it small enough to open. It embeds ${n(cases.embedded.length)}: every failure it can hold first, then uncertain or leaking verdicts, then a sample spread evenly over the intents; counts everywhere on this page are over all ${n(cases.total)} cases. Every case is in <code>results.jsonl</code> beside this report, one JSON line each (<code>grep</code> or <code>jq</code> it by case id, intent or verdict), and in the dashboard's transcript browser, which pages through them from the store, filtered by verdict or intent: run <code>refusal-drill serve</code> on the store the run is in and open <code>/runs/${h(encodeURIComponent(runId))}/transcripts</code>.</p>`;
}
