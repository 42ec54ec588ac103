import type { AuthoredPrompt, Pack, PrincipleContext } from '../spec/index.js';
import { contentWords } from './tokenize.js';

export type MatchKind = 'intent' | 'twin';

export interface MatchEntry {
  kind: MatchKind;
  packId: string;
  principleId: string;
  /** null for a twin that belongs to the principle rather than to one intent. */
  intentId: string | null;
  text: string;
}

export interface Match {
  entry: MatchEntry;
  /** `pack/principle/intent` (`-` for a principle-level twin). */
  ref: string;
  /** Cosine similarity of IDF-weighted content words, 0..1. */
  sim: number;
}

export interface IntentMatcher {
  readonly size: number;
  /** The closest harmful intent (prompt or variant) and the closest benign twin. */
  match(text: string): { intent?: Match; twin?: Match };
  principle(packId: string, principleId: string): PrincipleContext | undefined;
  leakIndicators(ref: string): string[];
}

export const DEFAULT_MATCH_THRESHOLD = 0.5;

/**
 * Similarity search over every intent, variant and twin of the packs: an inverted index over content
 * words, so a record costs a few posting-list walks rather than a pass over the pack.
 */
export function createIntentMatcher(packs: Pack[]): IntentMatcher {
  const entries: MatchEntry[] = [];
  const principles = new Map<string, PrincipleContext>();
  const leaks = new Map<string, string[]>();
  const textOf = (p: AuthoredPrompt): string => (typeof p === 'string' ? p : p.text);
  for (const pack of packs) {
    for (const pr of pack.principles) {
      principles.set(`${pack.id}/${pr.id}`, { id: pr.id, statement: pr.statement, rationale: pr.rationale, terms: pr.terms });
      const base = { packId: pack.id, principleId: pr.id };
      for (const intent of pr.intents) {
        leaks.set(`${pack.id}/${pr.id}/${intent.id}`, intent.leakIndicators);
        entries.push({ ...base, kind: 'intent', intentId: intent.id, text: intent.prompt });
        for (const v of intent.variants) entries.push({ ...base, kind: 'intent', intentId: intent.id, text: textOf(v) });
        for (const t of intent.twins) entries.push({ ...base, kind: 'twin', intentId: intent.id, text: textOf(t) });
      }
      for (const t of pr.twins) entries.push({ ...base, kind: 'twin', intentId: null, text: textOf(t) });
    }
  }
  const words = entries.map((e) => contentWords(e.text));
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const unseen = Math.log(1 + entries.length / 0.5);
  const idfs = new Map<string, number>();
  for (const [w, n] of df) idfs.set(w, Math.log(1 + entries.length / n));
  const idf = (w: string): number => idfs.get(w) ?? unseen;
  const postings = new Map<string, number[]>();
  const norms = new Float64Array(entries.length);
  words.forEach((ws, i) => {
    let sq = 0;
    for (const w of ws) {
      const weight = idf(w);
      sq += weight * weight;
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      list.push(i);
    }
    norms[i] = Math.sqrt(sq);
  });
  const dots = new Float64Array(entries.length);
  const refOf = (e: MatchEntry): string => `${e.packId}/${e.principleId}/${e.intentId ?? '-'}`;

  return {
    size: entries.length,
    match(text) {
      if (entries.length === 0) return {};
      const touched: number[] = [];
      let qsq = 0;
      for (const w of contentWords(text)) {
        const list = postings.get(w);
        if (!list) {
          qsq += unseen * unseen;
          continue;
        }
        const weight = idf(w);
        qsq += weight * weight;
        const w2 = weight * weight;
        for (const i of list) {
          if (dots[i] === 0) touched.push(i);
          dots[i] = (dots[i] ?? 0) + w2;
        }
      }
      const qnorm = Math.sqrt(qsq);
      let intent: Match | undefined;
      let twin: Match | undefined;
      for (const i of touched) {
        const sim = (dots[i] ?? 0) / (qnorm * (norms[i] ?? 1));
        dots[i] = 0;
        const e = entries[i] as MatchEntry;
        if (e.kind === 'intent' ? !intent || sim > intent.sim : !twin || sim > twin.sim) {
          const m = { entry: e, ref: refOf(e), sim: Math.min(1, sim) };
          if (e.kind === 'intent') intent = m;
          else twin = m;
        }
      }
      return { intent, twin };
    },
    principle: (packId, principleId) => principles.get(`${packId}/${principleId}`),
    leakIndicators: (ref) => leaks.get(ref) ?? [],
  };
}

/** What a record resembles: the closer of intent and twin, when it clears the threshold. */
export function resemblance(
  m: { intent?: Match; twin?: Match },
  threshold = DEFAULT_MATCH_THRESHOLD,
): { kind: MatchKind; match: Match } | undefined {
  const i = m.intent && m.intent.sim >= threshold ? m.intent : undefined;
  const t = m.twin && m.twin.sim >= threshold ? m.twin : undefined;
  if (t && (!i || t.sim >= i.sim)) return { kind: 'twin', match: t };
  if (i) return { kind: 'intent', match: i };
  return undefined;
}
