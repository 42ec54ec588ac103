import type { AuditMark } from '../store/index.js';
import { hashPrompt } from '../util/index.js';
import type { AuditReport } from './audit-report.js';
import type { DrillPrompt } from './drill-prompt.js';

const MAX_MARK_EVIDENCE = 10;

/**
 * Store marks from an audit: one per distinct prompt (by `hashPrompt`), contaminated winning
 * over clean when the same text is used twice. Each sequence turn is marked on its own; the
 * planner makes a sequence `seen` when any of its turns is contaminated.
 * `report.cases[i]` is the audit of `prompts[i]`.
 */
export function auditMarks(report: AuditReport, prompts: DrillPrompt[], auditedAt: string): AuditMark[] {
  const marks = new Map<string, AuditMark>();
  prompts.forEach((p, i) => {
    const c = report.cases[i];
    if (!c) return;
    const promptHash = hashPrompt(p.text);
    const old = marks.get(promptHash);
    if (old?.status === 'contaminated' && c.status === 'clean') return;
    if (old && old.status === c.status) {
      old.score = Math.max(old.score, c.score);
      old.evidence = [...old.evidence, ...c.evidence].slice(0, MAX_MARK_EVIDENCE);
      return;
    }
    marks.set(promptHash, {
      promptHash,
      prompt: p.text,
      status: c.status,
      score: c.score,
      evidence: c.evidence.slice(0, MAX_MARK_EVIDENCE),
      auditedAt,
    });
  });
  return [...marks.values()];
}
