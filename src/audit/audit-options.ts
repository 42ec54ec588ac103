import { UsageError } from '../spec/index.js';

export const detectors = ['exact', 'ngram', 'minhash'] as const;
export type Detector = (typeof detectors)[number];

export interface AuditOptions {
  /** N-gram size in tokens; 13 follows common decontamination practice (GPT-3, Llama 2). */
  ngram: number;
  /** Smaller n for prompts shorter than `shortPromptTokens`, which rarely hold a 13-gram at all. */
  ngramShort: number;
  shortPromptTokens: number;
  /** Share of a prompt's tokens that matched n-grams must cover before it counts; 0 = any n-gram. */
  ngramMinCoverage: number;
  /** N-grams found in more drill prompts than this are shared boilerplate and prove nothing about one prompt. */
  maxNgramPrompts: number;
  minhashThreshold: number;
  /** MinHash bins per signature (a power of two); bands and rows follow from the threshold. */
  numPerm: number;
  /** Tokens per MinHash shingle; 1 (token sets) keeps reordered and reworded copies similar. */
  shingle: number;
  /** Prompts with fewer distinct shingles than this skip MinHash: one or two shared words are not a paraphrase. */
  minhashMinShingles: number;
  /** Leave function words and request framing ("tell me how to") out of MinHash shingles. */
  minhashStopwords: boolean;
  seed: number;
  /** Evidence kept per case and detector (the best scores); memory stays flat however many copies the corpus holds. */
  maxEvidence: number;
}

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  ngram: 13,
  ngramShort: 8,
  shortPromptTokens: 20,
  ngramMinCoverage: 0,
  maxNgramPrompts: 64,
  minhashThreshold: 0.7,
  numPerm: 32,
  shingle: 1,
  minhashMinShingles: 3,
  minhashStopwords: true,
  seed: 1,
  maxEvidence: 3,
};

function check(ok: boolean, what: string, value: number): void {
  if (!ok) throw new UsageError(`audit option ${what}, got ${value}`);
}

/** Defaults filled in and every value range-checked, naming the option that is off. */
export function resolveAuditOptions(partial: Partial<AuditOptions> = {}): AuditOptions {
  const o = { ...DEFAULT_AUDIT_OPTIONS, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
  const int = (v: number, min: number): boolean => Number.isInteger(v) && v >= min;
  check(int(o.ngram, 2), 'ngram expects a whole number ≥ 2', o.ngram);
  check(int(o.ngramShort, 2) && o.ngramShort <= o.ngram, `ngramShort expects a whole number from 2 to ngram (${o.ngram})`, o.ngramShort);
  check(int(o.shortPromptTokens, 0), 'shortPromptTokens expects a whole number ≥ 0', o.shortPromptTokens);
  check(o.ngramMinCoverage >= 0 && o.ngramMinCoverage <= 1, 'ngramMinCoverage expects a number from 0 to 1', o.ngramMinCoverage);
  check(int(o.maxNgramPrompts, 1), 'maxNgramPrompts expects a whole number ≥ 1', o.maxNgramPrompts);
  check(o.minhashThreshold > 0 && o.minhashThreshold <= 1, 'minhashThreshold expects a number above 0 and at most 1', o.minhashThreshold);
  check(
    int(o.numPerm, 8) && Number.isInteger(Math.log2(o.numPerm)) && o.numPerm <= 1024,
    'numPerm expects a power of two from 8 to 1024',
    o.numPerm,
  );
  check(int(o.shingle, 1) && o.shingle <= 5, 'shingle expects a whole number from 1 to 5', o.shingle);
  check(int(o.minhashMinShingles, 1), 'minhashMinShingles expects a whole number ≥ 1', o.minhashMinShingles);
  if (typeof o.minhashStopwords !== 'boolean') throw new UsageError('audit option minhashStopwords expects true or false');
  check(Number.isInteger(o.seed), 'seed expects a whole number', o.seed);
  check(int(o.maxEvidence, 1), 'maxEvidence expects a whole number ≥ 1', o.maxEvidence);
  return o;
}
