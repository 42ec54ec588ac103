import type { ChosenRefusal } from './chosen-script.js';
import { dpoRecordSchema, sftRecordSchema, type DpoRecord, type ExportFormat, type SftRecord } from './training-formats.js';

export type TrainingRecord = SftRecord | DpoRecord;

/** One training record, checked against its format's schema before it is written. */
export function toRecord(format: ExportFormat, x: Pick<ChosenRefusal, 'candidate' | 'text'>): TrainingRecord {
  const prompt = x.candidate.prompt.map((m) => ({ role: m.role, content: m.content }));
  if (format === 'sft') return sftRecordSchema.parse({ messages: [...prompt, { role: 'assistant', content: x.text }] });
  return dpoRecordSchema.parse({
    prompt,
    chosen: [{ role: 'assistant', content: x.text }],
    rejected: [{ role: 'assistant', content: x.candidate.rejected }],
  });
}
