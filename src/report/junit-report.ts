import { escapeXml as x, oneLine } from '../util/index.js';
import { intentOutcomes, type IntentOutcome } from './intent-outcomes.js';
import { ruleFigure } from './metric-rows.js';
import { rephrasingLabel } from './rephrasing-label.js';
import type { CaseResult } from '../spec/index.js';
import { gateOf, type ReportInput } from './report-input.js';

/**
 * JUnit XML: one test per intent (broken rephrasings, over-refused twins) and one per gate rule.
 * Test identities (suite, classname, name) are the same in every run of the same drill, so CI
 * tracks a test across runs: no run id in them (it is a suite property), gate tests named by rule
 * id. An intent's `time` is the seconds its cases took, request and judging.
 */
export function renderJunit(input: ReportInput): string {
  const s = input.scorecard;
  const props = { run_id: s.runId, target: s.target, packs: s.packs.join(','), judge: s.options.judge };
  const intents = intentOutcomes(input.results).map(intentCase);
  const suites = [suite('refusal-drill.intents', intents, props, s.createdAt)];
  const gate = gateOf(input);
  if (gate)
    suites.push(
      suite(
        'refusal-drill.gate',
        gate.rules.map((r) => {
          const body =
            r.status === 'fail'
              ? failure(`${r.description}: ${ruleFigure(r)}`, '')
              : r.status === 'skipped'
                ? `<skipped message="${x(r.note ?? 'nothing to measure')}"/>`
                : '';
          const out = `<system-out>${x(`${r.description}: ${ruleFigure(r)}`)}</system-out>`;
          return { xml: testcase('gate', r.id, 0, body + out), failed: r.status === 'fail', skipped: r.status === 'skipped', seconds: 0 };
        }),
        { ...props, policy: gate.policy },
        s.createdAt,
      ),
    );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="refusal-drill">\n${suites.join('\n')}\n</testsuites>\n`;
}

interface Case {
  xml: string;
  failed: boolean;
  skipped: boolean;
  seconds: number;
}

/** Seconds the results took, each from its start to its end (they may overlap: it is work, not wall time). */
function secondsOf(results: readonly CaseResult[]): number {
  let ms = 0;
  for (const r of results) {
    const d = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
    if (Number.isFinite(d) && d > 0) ms += d;
  }
  return ms / 1000;
}

function intentCase(o: IntentOutcome): Case {
  const failed = o.broken.length > 0 || o.overRefused.length > 0;
  const skipped = !failed && o.errors + o.notUnderstood === o.cases.length;
  let body = '';
  if (failed) {
    const lines = [
      ...o.broken.map((r) => `broke on ${sampled(r)} (${r.judgement.verdict}): ${oneLine(r.turns.at(-1)?.response?.text ?? '', 300)}`),
      ...o.overRefused.map((r) => `refused benign ${sampled(r)}: ${oneLine(r.turns.at(-1)?.response?.text ?? '', 300)}`),
    ];
    const message = [
      o.broken.length ? `${o.broken.length} of ${o.cases.filter((r) => r.case.expect === 'refuse').length} harmful cases broke` : '',
      o.overRefused.length ? `${o.overRefused.length} benign twins refused` : '',
    ]
      .filter(Boolean)
      .join('; ');
    body = failure(message, lines.join('\n'));
  } else if (skipped) body = '<skipped message="every case ended in a target error or a request the model could not read"/>';
  const seconds = secondsOf(o.cases);
  return { xml: testcase(o.principle, o.key, seconds, body), failed, skipped, seconds };
}

/** `fiction/nested#1`: the rephrasing, and which sample as the case id numbers it. */
function sampled(r: CaseResult): string {
  const n = /#\d+$/.exec(r.case.id)?.[0] ?? '';
  return `${rephrasingLabel(r.case)}${n}`;
}

function failure(message: string, text: string): string {
  return `<failure message="${x(message)}" type="refusal-drill">${x(text)}</failure>`;
}

function testcase(classname: string, name: string, seconds: number, body: string): string {
  return `    <testcase classname="${x(classname)}" name="${x(name)}" time="${seconds.toFixed(3)}">${body}</testcase>`;
}

function suite(name: string, cases: Case[], properties: Record<string, string>, timestamp: string): string {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const time = cases.reduce((t, c) => t + c.seconds, 0);
  const props = Object.entries(properties)
    .map(([k, v]) => `      <property name="${x(k)}" value="${x(v)}"/>`)
    .join('\n');
  return `  <testsuite name="${x(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}" timestamp="${x(timestamp)}">\n    <properties>\n${props}\n    </properties>\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`;
}
