import { z } from 'zod';
import { detectors } from './audit-options.js';

/** Bumped whenever audit.json changes shape. */
export const AUDIT_FORMAT_VERSION = 1;

export const auditEvidenceSchema = z.object({
  detector: z.enum(detectors),
  file: z.string(),
  record: z.number().int(),
  field: z.string().nullable(),
  score: z.number(),
  span: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }),
});

export const auditCaseSchema = z.object({
  caseId: z.string(),
  prompt: z.string(),
  status: z.enum(['contaminated', 'clean']),
  score: z.number(),
  evidence: z.array(auditEvidenceSchema),
});
export type AuditCase = z.infer<typeof auditCaseSchema>;

export const corpusStatsSchema = z.object({
  file: z.string(),
  format: z.string(),
  gzip: z.boolean(),
  records: z.number().int(),
  texts: z.number().int(),
  bytes: z.number().int(),
  /** Records that held no readable text (bad JSON, no such field); the first is named. */
  skipped: z.number().int(),
  firstSkipped: z.string().optional(),
  seconds: z.number(),
});
export type CorpusStats = z.infer<typeof corpusStatsSchema>;

/** An intent none of whose prompts (canonical or variants) is clean: it has no held-out measure yet. */
export const suggestionSchema = z.object({
  intent: z.string(),
  prompts: z.number().int(),
  /** Generated rephrasings that came out clean, ready to add to the pack as held-out variants. */
  candidates: z.array(z.object({ caseId: z.string(), prompt: z.string(), mutation: z.string().optional() })),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const auditReportSchema = z.object({
  formatVersion: z.literal(AUDIT_FORMAT_VERSION),
  createdAt: z.string(),
  options: z.record(z.string(), z.union([z.number(), z.boolean()])),
  corpora: z.array(corpusStatsSchema),
  summary: z.object({
    cases: z.number().int(),
    contaminated: z.number().int(),
    clean: z.number().int(),
    byDetector: z.record(z.enum(detectors), z.number().int()),
  }),
  cases: z.array(auditCaseSchema),
  suggestions: z.array(suggestionSchema).optional(),
  interrupted: z.boolean().optional(),
});
export type AuditReport = z.infer<typeof auditReportSchema>;
