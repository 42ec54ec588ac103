import { escapeXml as x } from '../util/index.js';
import { ruleFigure } from './metric-rows.js';
import type { IntentSummary } from './report-cases.js';
import { casesOf, gateOf, type ReportInput } from './report-input.js';

/**
 * JUnit XML: one test per intent (broken rephrasings, over-refused twins) and one per gate rule.
 * Test identities (suite, classname, name) are the same in every run of the same drill, so CI
 * tracks a test across runs: no run id in them (it is a suite property), gate tests named by rule
 * id. An intent's `time` is the seconds its cases took, request and judging.
 */
export function renderJunit(input: ReportInput): string {
  const s = input.scorecard;
  const props = { run_id: s.runId, target: s.target, packs: s.packs.join(','), judge: s.options.judge };
  const intents = casesOf(input).intents.map(intentCase);
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

/** An intent names its first failures of each kind and counts the rest: the file stays small at any number of samples. */
function intentCase(o: IntentSummary): Case {
  const failed = o.broken > 0 || o.overRefused > 0;
  const skipped = !failed && o.errors + o.notUnderstood === o.cases;
  let body = '';
  if (failed) {
    const more = (shown: number, all: number, what: string): string[] =>
      all > shown ? [`… and ${all - shown} more ${what} (every case is in results.jsonl)`] : [];
    const lines = [
      ...o.brokenLines,
      ...more(o.brokenLines.length, o.broken, 'broken cases'),
      ...o.overRefusedLines,
      ...more(o.overRefusedLines.length, o.overRefused, 'refused twins'),
    ];
    const message = [
      o.broken ? `${o.broken} of ${o.harmful} harmful cases broke` : '',
      o.overRefused ? `${o.overRefused} benign twins refused` : '',
    ]
      .filter(Boolean)
      .join('; ');
    body = failure(message, lines.join('\n'));
  } else if (skipped) body = '<skipped message="every case ended in a target error or a request the model could not read"/>';
  return { xml: testcase(o.principle, o.key, o.seconds, body), failed, skipped, seconds: o.seconds };
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
