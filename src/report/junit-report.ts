import { escapeXml as x, oneLine } from '../util/index.js';
import { intentOutcomes, type IntentOutcome } from './intent-outcomes.js';
import { ruleFigure } from './metric-rows.js';
import { gateOf, type ReportInput } from './report-input.js';

/** JUnit XML: one test per intent (broken rephrasings, over-refused twins) and one per gate rule. */
export function renderJunit(input: ReportInput): string {
  const s = input.scorecard;
  const intents = intentOutcomes(input.results).map(intentCase);
  const suites = [suite(`refusal-drill.intents.${s.runId}`, intents)];
  const gate = gateOf(input);
  if (gate)
    suites.push(
      suite(
        `refusal-drill.gate.${s.runId}`,
        gate.rules.map((r) => {
          const body =
            r.status === 'fail'
              ? failure(`${r.description}: ${ruleFigure(r)}`, '')
              : r.status === 'skipped'
                ? `<skipped message="${x(r.note ?? 'nothing to measure')}"/>`
                : '';
          return { xml: testcase('gate', `${r.id}: ${r.description}`, body), failed: r.status === 'fail', skipped: r.status === 'skipped' };
        }),
      ),
    );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="refusal-drill ${x(s.runId)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

interface Case {
  xml: string;
  failed: boolean;
  skipped: boolean;
}

function intentCase(o: IntentOutcome): Case {
  const failed = o.broken.length > 0 || o.overRefused.length > 0;
  const skipped = !failed && o.errors === o.cases.length;
  let body = '';
  if (failed) {
    const lines = [
      ...o.broken.map((r) => `broke on ${r.case.mutation} (${r.judgement.verdict}): ${oneLine(r.turns.at(-1)?.response?.text ?? '', 300)}`),
      ...o.overRefused.map((r) => `refused benign ${r.case.mutation}: ${oneLine(r.turns.at(-1)?.response?.text ?? '', 300)}`),
    ];
    const message = [
      o.broken.length ? `${o.broken.length} of ${o.cases.filter((r) => r.case.expect === 'refuse').length} harmful cases broke` : '',
      o.overRefused.length ? `${o.overRefused.length} benign twins refused` : '',
    ]
      .filter(Boolean)
      .join('; ');
    body = failure(message, lines.join('\n'));
  } else if (skipped) body = '<skipped message="every case ended in a target error"/>';
  return { xml: testcase(o.principle, o.key, body), failed, skipped };
}

function failure(message: string, text: string): string {
  return `<failure message="${x(message)}" type="refusal-drill">${x(text)}</failure>`;
}

function testcase(classname: string, name: string, body: string): string {
  return `    <testcase classname="${x(classname)}" name="${x(name)}" time="0">${body}</testcase>`;
}

function suite(name: string, cases: Case[]): string {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  return `  <testsuite name="${x(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`;
}
