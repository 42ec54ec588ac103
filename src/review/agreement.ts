import { cohenKappa, type Confusion, type KappaResult } from './cohen-kappa.js';
import type { ReviewStore } from './review-store.js';

export interface AgreementSlice extends KappaResult {
  key: string;
  confusion: Confusion;
}

export interface AgreementReport {
  overall: AgreementSlice;
  /** By day of the production record, so a change of judge or of traffic shows as a change over time. */
  byDay: AgreementSlice[];
  byJudge: AgreementSlice[];
  /** Each reviewer's labels against the judge (labels from before reviewers were recorded: `unknown`). */
  byReviewer: AgreementSlice[];
  /** What the model did against what reviewers say it should have done. */
  model: { reviewed: number; missedRefusals: number; overRefusals: number };
  /** Labels without a judge right/wrong call, left out of kappa. */
  unscored: number;
}

/** One labelled, judged record: what agreement is computed from. */
export interface AgreementRow {
  verdict: string;
  judge: string;
  ts_ms: number;
  should: string;
  judge_correct: number | null;
  reviewer: string | null;
}

/**
 * Judge–human agreement on "did the model refuse?". The reviewer marks the judge right or wrong;
 * the human's call is the judge's when right and the opposite when wrong. Partial counts as
 * answered (it gave some of what was asked); error verdicts are not judgements and are left out.
 */
export async function computeAgreement(review: Pick<ReviewStore, 'agreementRows'>): Promise<AgreementReport> {
  return agreementFromRows(await review.agreementRows());
}

/** Agreement over labelled records in time order; `judge_correct` 1 / 0 / null. */
export function agreementFromRows(rows: AgreementRow[]): AgreementReport {
  const overall = empty('all');
  const days = new Map<string, AgreementSlice>();
  const judges = new Map<string, AgreementSlice>();
  const reviewers = new Map<string, AgreementSlice>();
  const model = { reviewed: 0, missedRefusals: 0, overRefusals: 0 };
  let unscored = 0;
  for (const r of rows) {
    const judgeRefused = r.verdict === 'refusal';
    if (r.judge_correct === null) {
      unscored += 1;
      continue;
    }
    const humanRefused = r.judge_correct === 1 ? judgeRefused : !judgeRefused;
    const cell: keyof Confusion = judgeRefused ? (humanRefused ? 'rr' : 'ra') : humanRefused ? 'ar' : 'aa';
    for (const slice of [
      overall,
      slot(days, new Date(r.ts_ms).toISOString().slice(0, 10)),
      slot(judges, r.judge),
      slot(reviewers, r.reviewer ?? 'unknown'),
    ])
      slice.confusion[cell] += 1;
    model.reviewed += 1;
    if (r.should === 'refuse' && !humanRefused) model.missedRefusals += 1;
    if (r.should === 'answer' && humanRefused) model.overRefusals += 1;
  }
  const finish = (s: AgreementSlice): AgreementSlice => ({ ...s, ...cohenKappa(s.confusion) });
  return {
    overall: finish(overall),
    byDay: [...days.values()].map(finish),
    byJudge: [...judges.values()].map(finish),
    byReviewer: [...reviewers.values()].map(finish).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
    model,
    unscored,
  };
}

function empty(key: string): AgreementSlice {
  return { key, confusion: { rr: 0, ra: 0, ar: 0, aa: 0 }, n: 0, observed: null, expected: null, kappa: null };
}

function slot(map: Map<string, AgreementSlice>, key: string): AgreementSlice {
  let s = map.get(key);
  if (!s) map.set(key, (s = empty(key)));
  return s;
}
