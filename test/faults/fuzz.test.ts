import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGatePolicy, DEFAULT_GATE_POLICY_YAML } from '../../src/metrics/index.js';
import { parseLogLine } from '../../src/monitor/index.js';
import { parsePack } from '../../src/packs/index.js';
import { DrillError, EXIT } from '../../src/spec/index.js';
import { seededRandom } from '../../src/util/index.js';
import { cli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { chatLine, TEST_PACK_YAML } from '../monitor/log-lines.js';

/**
 * A seeded mutation fuzzer: valid inputs broken by flips, cuts, repeats and splices of the tokens
 * that trip YAML and JSON readers. Each run is bounded by a count and a time budget (whichever
 * comes first), and a failure names the seed and the input, so `FUZZ_SEED=<n>` replays it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const BUDGET_MS = 4000;
const ROUNDS = 1500;

const TOKENS = [
  '&a ',
  '*a',
  '<<: *a',
  ': ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '\t',
  '\n',
  '\r\n',
  '!!binary ',
  '!!js/function ',
  '!!python/object ',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\u202e',
  '\u001b]0;x\u0007',
  '1e999',
  '-0',
  'null',
  '~',
  'true',
  '__proto__',
  'constructor',
  '"\\u0000"',
  '\\',
  '#',
  '? ',
  '|',
  '>-',
  'x'.repeat(5000),
  '9'.repeat(400),
  ',',
  '":',
  '{"',
  '[[[[[[[[',
];

function mutate(text: string, rnd: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(rnd() * (s.length + 1));
    const span = Math.floor(rnd() * 40);
    switch (Math.floor(rnd() * 6)) {
      case 0:
        s = s.slice(0, at) + TOKENS[Math.floor(rnd() * TOKENS.length)] + s.slice(at);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at + span);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at, at + span).repeat(1 + Math.floor(rnd() * 8)) + s.slice(at);
        break;
      case 3:
        s = s.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + s.slice(at + 1);
        break;
      case 4:
        s = s.slice(0, at);
        break;
      default:
        s = s.slice(0, at) + s.slice(Math.floor(rnd() * s.length)).slice(0, span) + s.slice(at);
    }
  }
  return s;
}

/** Runs `check` on mutated inputs until the round count or the time budget runs out; returns how many ran. */
function fuzz(name: string, seeds: string[], check: (input: string) => void): number {
  const rnd = seededRandom(SEED);
  const started = performance.now();
  let n = 0;
  for (; n < ROUNDS && performance.now() - started < BUDGET_MS; n += 1) {
    const input = mutate(seeds[n % seeds.length] ?? '', rnd);
    try {
      check(input);
    } catch (e) {
      throw new Error(
        `${name}: FUZZ_SEED=${SEED}, round ${n}: ${e instanceof Error ? e.message : String(e)}\ninput: ${JSON.stringify(input).slice(0, 2000)}`,
      );
    }
  }
  return n;
}

/** A user's bad file may only ever be an input error (exit 3) with a message naming the file. */
function inputErrorOrValue(file: string, read: () => unknown): void {
  try {
    read();
  } catch (e) {
    if (!DrillError.isInstance(e))
      throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of an input error`);
    if (e.exitCode !== EXIT.input) throw new Error(`exit ${e.exitCode}, not ${EXIT.input}: ${e.message}`);
    if (!e.message.includes(file)) throw new Error(`the message does not name ${file}: ${e.message}`);
  }
}

const PACKS = [TEST_PACK_YAML, readFileSync(join(import.meta.dirname, '..', '..', 'packs', 'cyber-intrusion.yaml'), 'utf8').slice(0, 4000)];
const LOGS = [
  chatLine({ ts: '2026-03-04T09:00:00Z', prompt: 'How do I pick a lock?', response: "I can't help with that.", latencyMs: 300 }),
  ...['openai-responses', 'anthropic-messages', 'otel-genai'].map(
    (f) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'logs', `${f}.jsonl`), 'utf8').split('\n')[0] ?? '',
  ),
];

describe('fuzzed input: documented exit codes, no crash', () => {
  it('the pack loader: a pack or an input error naming the file', () => {
    expect(fuzz('parsePack', PACKS, (text) => inputErrorOrValue('fuzz.yaml', () => parsePack(text, 'fuzz.yaml')))).toBeGreaterThan(50);
  });

  it('the gate policy reader: a policy or an input error naming the file', () => {
    expect(
      fuzz('parseGatePolicy', [DEFAULT_GATE_POLICY_YAML], (text) =>
        inputErrorOrValue('gate.yaml', () => parseGatePolicy(text, 'gate.yaml')),
      ),
    ).toBeGreaterThan(50);
  });

  it('the monitor log parsers, every format: a record or an error saying why, never a throw', () => {
    const formats = ['auto', 'chat', 'openai-chat', 'flat', 'openai-responses', 'anthropic-messages', 'otel-genai'] as const;
    const n = fuzz('parseLogLine', LOGS, (line) => {
      for (const format of formats) {
        const r = parseLogLine(line, { format });
        if (!r.ok && (typeof r.error !== 'string' || r.error === '')) throw new Error(`format ${format}: a failure with no reason`);
      }
    });
    expect(n).toBeGreaterThan(50);
  });
});

const tmp = useTmpDir('faults-fuzz-');

it('in a real process, fuzzed packs and logs exit 0 or 3 with a message, never 70 with a stack', async () => {
  const d = tmp();
  const rnd = seededRandom(SEED + 1);
  const packs = Array.from({ length: 4 }, (_, i) => {
    const file = join(d, `p${i}.yaml`);
    writeFileSync(file, mutate(TEST_PACK_YAML, rnd));
    return file;
  });
  const log = join(d, 'log.jsonl');
  writeFileSync(log, Array.from({ length: 40 }, (_, i) => mutate(LOGS[i % LOGS.length] ?? '', rnd)).join('\n'));
  const runs = [...packs.map((p) => cli(['packs', 'validate', p])), cli(['monitor', 'ingest', log, '--db', join(d, 'd.db')])];
  for (const r of await Promise.all(runs)) {
    expect([0, 3], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.stderr).not.toContain('unexpected error');
  }
});
