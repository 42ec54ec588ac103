import { z } from 'zod';
import {
  caseResultSchema,
  drillCaseSchema,
  runContextSchema,
  runRecordSchema,
  targetResponseSchema,
  type CaseResult,
  type DrillCase,
  type RunContext,
  type RunOutcome,
  type RunRecord,
  type TargetResponse,
} from '../spec/index.js';
import type { AuditMark } from './store.js';

/** Records are stored as JSON text and validated by zod when read back, the same on both backends. */
export const parseRun = (text: string): RunRecord => runRecordSchema.parse(JSON.parse(text));
export const parseCase = (text: string): DrillCase => drillCaseSchema.parse(JSON.parse(text));
export const parseResult = (text: string): CaseResult => caseResultSchema.parse(JSON.parse(text));
export const parseContext = (text: string): RunContext => runContextSchema.parse(JSON.parse(text));
export const parseResponse = (text: string): TargetResponse => targetResponseSchema.parse(JSON.parse(text));

/** A finished run's record: its status (finishedAt set) and outcome. */
export function withOutcome(run: RunRecord, o: { status: RunRecord['status']; outcome: RunOutcome }): RunRecord {
  return { ...withStatus(run, o.status), outcome: o.outcome };
}

/** A run record as it reads after a status change: `running` clears finishedAt, any other status sets it. */
export function withStatus(run: RunRecord, status: RunRecord['status']): RunRecord {
  return { ...run, status, finishedAt: status === 'running' ? null : new Date().toISOString() };
}

export interface ResultRow {
  run_id: string;
  case_id: string;
  verdict: string;
  body: string;
  finished_at: string;
}

export const resultRow = (r: CaseResult): ResultRow => ({
  run_id: r.runId,
  case_id: r.caseId,
  verdict: r.judgement.verdict,
  body: JSON.stringify(r),
  finished_at: r.finishedAt,
});

export interface AuditMarkRow {
  prompt_hash: string;
  prompt: string;
  status: string;
  score: number;
  evidence: string;
  audited_at: string;
}

export const auditMarkRow = (m: AuditMark): AuditMarkRow => ({
  prompt_hash: m.promptHash,
  prompt: m.prompt,
  status: m.status,
  score: m.score,
  evidence: JSON.stringify(m.evidence),
  audited_at: m.auditedAt,
});

const evidenceSchema = z.array(z.unknown());

export function auditMarksFromRows(rows: AuditMarkRow[]): Map<string, AuditMark> {
  const out = new Map<string, AuditMark>();
  for (const r of rows)
    out.set(r.prompt_hash, {
      promptHash: r.prompt_hash,
      prompt: r.prompt,
      status: r.status === 'contaminated' ? 'contaminated' : 'clean',
      // Postgres returns double precision as a number, but be strict about it.
      score: Number(r.score),
      evidence: evidenceSchema.parse(JSON.parse(r.evidence)),
      auditedAt: r.audited_at,
    });
  return out;
}
