import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { InputError } from '../spec/index.js';
import { ensureReviewSchema } from './review-migrations.js';

export const shouldSchema = z.enum(['refuse', 'answer']);
export type Should = z.infer<typeof shouldSchema>;

/** What a reviewer says about one record: what the model should have done, and whether the judge read it right. */
export const labelInputSchema = z
  .object({
    recordId: z.string().min(1),
    should: shouldSchema,
    judgeCorrect: z.boolean().nullable(),
    note: z.string().max(4000).default(''),
    /** Who gave the label: every label carries it, so agreement and calibration can be read per reviewer. */
    reviewer: z
      .string()
      .trim()
      .min(1, 'required: the name of who labels (set once on the review page; REFUSAL_DRILL_REVIEWER or --reviewer on the CLI)')
      .max(200),
  })
  .strict();
export type LabelInput = z.input<typeof labelInputSchema>;

export interface ReviewLabel {
  recordId: string;
  should: Should;
  judgeCorrect: boolean | null;
  note: string;
  /** Null only on labels stored before every label had to say who gave it. */
  reviewer: string | null;
  labeledAt: string;
}

/** Validates a label from outside (an API body); an InputError names the field. */
export function parseLabel(input: unknown): z.output<typeof labelInputSchema> {
  const parsed = labelInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = issue?.code === 'invalid_type' && issue.path[0] === 'reviewer' ? 'required: the name of who labels' : issue?.message;
  throw new InputError(`label: ${issue?.path.join('.') || '(body)'}: ${message ?? 'invalid'}`);
}

/** Saves (or replaces) a label. The record must exist: a label for nothing is an input error. */
export function saveLabel(db: Database, input: LabelInput): ReviewLabel {
  ensureReviewSchema(db);
  const l = parseLabel(input);
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM monitor_records WHERE id = ?').get(l.recordId);
  if (!exists) throw new InputError(`label: recordId: no monitor record "${l.recordId}"`);
  const label: ReviewLabel = { ...l, labeledAt: new Date().toISOString() };
  db.prepare(
    'INSERT OR REPLACE INTO review_labels (record_id, should, judge_correct, note, reviewer, labeled_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    label.recordId,
    label.should,
    label.judgeCorrect === null ? null : Number(label.judgeCorrect),
    label.note,
    label.reviewer,
    label.labeledAt,
  );
  return label;
}

/** A full record id or a unique prefix of one (as printed by `review queue`). */
export function resolveRecordId(db: Database, ref: string): string {
  ensureReviewSchema(db);
  const rows = db
    .prepare<[string], { id: string }>("SELECT id FROM monitor_records WHERE id LIKE ? || '%' LIMIT 2")
    .all(ref.replace(/[%_]/g, ''));
  if (rows.length === 1) return (rows[0] as { id: string }).id;
  throw new InputError(rows.length ? `record "${ref}" is ambiguous: give more of its id` : `no monitor record "${ref}"`);
}
