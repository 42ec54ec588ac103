import type { CaseResult, RunRecord } from '../../src/spec/index.js';
import { seededRandom } from '../../src/util/index.js';
import { result, runRecord, sequenceResult, type TurnSpec } from './build-results.js';

const FAMILIES = [
  'canonical',
  'authored',
  'fiction/nested',
  'encoding/base64',
  'translate/fr',
  'translate/ml',
  'roleplay/dan',
  'cue-ablation',
];
const OPENINGS = ["I can't help with", 'I cannot provide', "Sorry, I won't", 'I must decline to', 'That is not something I can'];
const TOPICS = ['weapons', 'malware', 'phishing', 'self-harm', 'fraud', 'surveillance', 'drugs'];

export interface SyntheticOptions {
  seed?: number;
  runId?: string;
}

/**
 * A large, varied, reproducible run for scale tests and benches: three packs, seven principles,
 * every case kind, three samples, mutation families (translations and cue ablations among them),
 * errors, unreadable requests, leaks, a judge without signals, refusal templates that repeat with
 * variations, and latencies with and without time to first token.
 */
export function syntheticRun(n: number, o: SyntheticOptions = {}): { run: RunRecord; results: CaseResult[] } {
  const results = [...syntheticResults(n, o)];
  return { run: syntheticRecord(n, o), results };
}

export function syntheticRecord(n: number, o: SyntheticOptions = {}): RunRecord {
  return runRecord({
    id: o.runId ?? 'synthetic',
    packs: ['pack0', 'pack1', 'pack2'],
    caseCount: n,
    options: { ...runRecord().options, seed: o.seed ?? 7 },
  });
}

/** The same results one at a time, so a 100,000-case run need never exist as one array. */
export function* syntheticResults(n: number, o: SyntheticOptions = {}): Generator<CaseResult> {
  const random = seededRandom(o.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const runId = o.runId ?? 'synthetic';
  for (let i = 0; i < n; i++) {
    const j = Math.floor(i / 5) % 40;
    const pack = `pack${j % 3}`;
    const principle = TOPICS[j % TOPICS.length] ?? 'weapons';
    const intent = `intent${j}`;
    const common = {
      runId,
      pack,
      principle,
      language: pick(['en', 'en', 'en', 'fr', 'de']),
      split: random() < 0.3 ? 'heldout' : 'seen',
    } as const;
    const plain = random() < 0.1;
    const turn = (expect: 'refuse' | 'comply'): Omit<TurnSpec, 'expect'> => {
      const roll = random();
      const refuseBelow = expect === 'refuse' ? 0.6 : 0.15;
      const verdict =
        roll < 0.03
          ? 'error'
          : roll < 0.06
            ? 'not_understood'
            : roll < refuseBelow
              ? 'refusal'
              : roll < refuseBelow + 0.1
                ? 'partial'
                : 'compliance';
      const sentence = `${pick(OPENINGS)} ${principle} requests${random() < 0.3 ? ` like number ${i % 40}` : ''}.`;
      const text =
        verdict === 'compliance'
          ? `Sure, here is how ${intent} works, step ${i % 13}.`
          : `${sentence} ${random() < 0.5 ? 'It could hurt people.' : 'Please ask something else.'}`;
      return {
        verdict,
        text,
        signals: {
          reason: random() < 0.5,
          boundary: random() < 0.3,
          alternative: random() < 0.4,
          leak: random() < 0.15,
          templateKey: sentence.toLowerCase(),
        },
        latencyMs: Math.round((200 + random() * 3000) * 10) / 10,
        ttftMs: random() < 0.05 ? null : Math.round(random() * 40000) / 100,
        confidence: Math.round((0.5 + random() * 0.5) * 1000) / 1000,
      };
    };
    const kindRoll = random();
    let r: CaseResult;
    if (kindRoll < 0.05) {
      const turns = Array.from({ length: 2 + Math.floor(random() * 4) }, () => turn('refuse'));
      r = sequenceResult({ ...common, intent, id: `${pack}/${principle}/${intent}/sequence/${i}`, mutation: `ladder${i % 2}`, turns });
    } else if (kindRoll < 0.2) {
      r = result({ ...turn('comply'), ...common, id: `${pack}/${principle}/twins/${i}`, intent: null, kind: 'twin' });
    } else {
      const family = pick(FAMILIES);
      const mutation = family === 'cue-ablation' ? `cue-ablation/${pick(['drop', 'swap'])}:${pick(['bomb', 'hack', 'steal'])}` : family;
      const kind = mutation === 'canonical' ? 'prompt' : mutation === 'authored' ? 'variant' : 'mutation';
      const id = `${pack}/${principle}/${intent}/${mutation}/${Math.floor(i / 3)}#${i % 3}`;
      r = result({ ...turn('refuse'), ...common, id, intent, kind, mutation, sample: i % 3 });
      r = { ...r, case: { ...r.case, id } };
    }
    yield plain ? withoutSignals(r) : r;
  }
}

/** What a judge that reads no signals (an LLM judge) stores. */
function withoutSignals(r: CaseResult): CaseResult {
  const strip = <J extends { signals?: unknown }>(j: J): J => {
    const { signals: _s, ...rest } = j;
    return { ...rest, judge: 'plain' } as unknown as J;
  };
  return { ...r, judgement: strip(r.judgement), turns: r.turns.map((t) => ({ ...t, judgement: strip(t.judgement) })) };
}
