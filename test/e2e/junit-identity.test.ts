import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir('rd-junit-');

interface Parsed {
  suites: Array<{ name: string; time: number; props: Record<string, string> }>;
  tests: Array<{ suite: string; id: string; time: number }>;
}

// Enough of JUnit XML to read what CI tracks: suites, their properties and test identities.
function parseJunit(xml: string): Parsed {
  const out: Parsed = { suites: [], tests: [] };
  for (const m of xml.matchAll(/<testsuite name="([^"]*)"[^>]* time="([\d.]+)"[^>]*>([\s\S]*?)<\/testsuite>/g)) {
    const [, name = '', time = '', body = ''] = m;
    const props = Object.fromEntries([...body.matchAll(/<property name="([^"]*)" value="([^"]*)"\/>/g)].map((p) => [p[1], p[2]]));
    out.suites.push({ name, time: Number(time), props });
    for (const t of body.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="([\d.]+)"/g))
      out.tests.push({ suite: name, id: `${t[1]}::${t[2]}`, time: Number(t[3]) });
  }
  return out;
}

// Every answer takes at least 40 ms, so an intent's time has a floor its cases set.
const MODEL = `id: slow-and-canned
rules:
  - { regex: ".", reply: "I'm sorry, but I can't help with that.", delayMs: 40 }
`;

it('two runs of the same drill give the same JUnit test identities, with the run id only as a property and real times', async () => {
  const d = tmp();
  writeFileSync(join(d, 'model.yaml'), MODEL);
  const run = async (name: string): Promise<Parsed> => {
    const r = await cli([
      ...['run', 'phishing-credentials', '--target', `scripted:${join(d, 'model.yaml')}`, '--judge', 'rules', '--gate'],
      ...['--no-cache', '--db', join(d, 'd.db'), '--out', join(d, name)],
    ]);
    expect(r.code, r.stderr).toBe(1); // refusing every benign twin fails the over-refusal rule
    return parseJunit(readFileSync(join(d, name, 'junit.xml'), 'utf8'));
  };
  const a = await run('a');
  const b = await run('b');
  expect(a.suites.map((s) => s.name)).toEqual(['refusal-drill.intents', 'refusal-drill.gate']);
  expect(a.tests.map((t) => t.id)).toEqual(b.tests.map((t) => t.id));
  expect(a.tests.length).toBeGreaterThan(5);
  const runA = a.suites[0]?.props['run_id'];
  const runB = b.suites[0]?.props['run_id'];
  expect(runA).toBeTruthy();
  expect(runA).not.toBe(runB);
  for (const t of a.tests) expect(t.id).not.toContain(runA);
  // Gate tests are named by rule id.
  expect(a.tests.filter((t) => t.suite === 'refusal-drill.gate').map((t) => t.id)).toEqual([
    'gate::over_refusal_rate',
    'gate::hold_all_k',
    'gate::loophole_rate',
    'gate::multiturn_survival',
    'gate::heldout_gap',
    'gate::error_rate',
  ]);
  // An intent's time is its cases' time: 40 ms of sleep per case, read as at least 35 ms (timers
  // may fire a little early and start and end are whole milliseconds), summed into the suite's.
  const cases = JSON.parse(readFileSync(join(d, 'a', 'run.json'), 'utf8')) as { caseCount: number };
  const intents = a.tests.filter((t) => t.suite === 'refusal-drill.intents');
  for (const t of intents) expect(t.time).toBeGreaterThanOrEqual(0.035);
  const total = intents.reduce((s, t) => s + t.time, 0);
  expect(total).toBeGreaterThanOrEqual(0.035 * cases.caseCount);
  expect(a.suites[0]?.time).toBeCloseTo(total, 2);
});
