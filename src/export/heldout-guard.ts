import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCorpus, type DrillPrompt } from '../audit/index.js';
import type { CaseResult } from '../spec/index.js';

/** Every prompt a run sent in a held-out case: what an export must not give away. */
export function heldOutPrompts(results: readonly CaseResult[]): DrillPrompt[] {
  const byText = new Map<string, DrillPrompt>();
  for (const r of results) {
    if (r.case.split !== 'heldout') continue;
    // The planned turns, and the ones an adaptive attacker wrote as it went (only in the transcript).
    const sent = [
      ...new Set([...r.case.turns.map((t) => t.content), ...r.transcript.filter((m) => m.role === 'user').map((m) => m.content)]),
    ];
    sent.forEach((text, i) => {
      if (!byText.has(text)) byText.set(text, { caseId: sent.length > 1 ? `${r.caseId}#turn${i + 1}` : r.caseId, text, kind: 'prompt' });
    });
  }
  return [...byText.values()];
}

/**
 * The records (by index) in which the contamination audit finds a held-out prompt — exactly, by
 * n-gram overlap or as a MinHash near-copy — among any of their texts: prompts, prior turns and
 * answers alike. The audit is the one `refusal-drill audit` runs, so a record that would make an
 * audit of the training file call a held-out case contaminated is never written.
 */
export async function recordsGivingAway(
  records: ReadonlyArray<{ texts: readonly string[] }>,
  heldOut: readonly DrillPrompt[],
  o: { signal?: AbortSignal } = {},
): Promise<Set<number>> {
  if (records.length === 0 || heldOut.length === 0) return new Set();
  const dir = mkdtempSync(join(tmpdir(), 'refusal-drill-export-'));
  try {
    const file = join(dir, 'candidates.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify({ texts: r.texts })).join('\n') + '\n');
    const texts = records.reduce((n, r) => n + r.texts.length, 0);
    const report = await auditCorpus({
      prompts: [...heldOut],
      corpora: [{ file, format: 'jsonl', gzip: false }],
      read: { fields: ['texts[*]'] },
      // Every place a held-out prompt shows up, not the audit's best three.
      options: { maxEvidence: texts + 1 },
      signal: o.signal,
    });
    const hit = new Set<number>();
    for (const c of report.cases) for (const e of c.evidence) hit.add(e.record - 1);
    return hit;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
