import type { AuditMark } from '../store/index.js';
import { hashPrompt } from '../util/hash.js';
import type { AuditReport } from './audit-report.js';
import type { DrillPrompt } from './drill-prompt.js';

const MAX_MARK_EVIDENCE = 10;

/**
 * Store marks from an audit: one per distinct prompt (by `hashPrompt`), contaminated winning
 * over clean when the same text is used twice. The planner splits a sequence by its first turn,
 * so that turn's mark carries the worst status of all the sequence's turns.
 * `report.cases[i]` is the audit of `prompts[i]`.
 */
export function auditMarks(report: AuditReport, prompts: DrillPrompt[], auditedAt: string): AuditMark[] {
  const marks = new Map<string, AuditMark>();
  const put = (text: string, status: AuditMark['status'], score: number, evidence: unknown[]): void => {
    const promptHash = hashPrompt(text);
    const old = marks.get(promptHash);
    if (old && (old.status === 'contaminated') && status === 'clean') return;
    if (old && old.status === status) {
      old.score = Math.max(old.score, score);
      old.evidence = [...old.evidence, ...evidence].slice(0, MAX_MARK_EVIDENCE);
      return;
    }
    marks.set(promptHash, { promptHash, prompt: text, status, score, evidence: evidence.slice(0, MAX_MARK_EVIDENCE), auditedAt });
  };
  const sequences = new Map<string, { first: string; status: AuditMark['status']; score: number; evidence: unknown[] }>();
  prompts.forEach((p, i) => {
    const c = report.cases[i];
    if (!c) return;
    put(p.text, c.status, c.score, c.evidence);
    if (!p.sequence) return;
    const seq = sequences.get(p.sequence);
    if (!seq) sequences.set(p.sequence, { first: p.text, status: c.status, score: c.score, evidence: [...c.evidence] });
    else if (c.status === 'contaminated') {
      seq.status = 'contaminated';
      seq.score = Math.max(seq.score, c.score);
      seq.evidence.push(...c.evidence);
    }
  });
  for (const seq of sequences.values()) put(seq.first, seq.status, seq.score, seq.evidence);
  return [...marks.values()];
}
