import type { CorpusStats } from './audit-report.js';
import type { CorpusFormat } from './readers/corpus-source.js';

/** What the audit reports while it works; the CLI renders these, the core never prints. */
export type AuditEvent =
  | { type: 'indexed'; prompts: number; texts: number; ms: number }
  | { type: 'file-start'; file: string; format: CorpusFormat; gzip: boolean; size: number }
  | { type: 'progress'; file: string; bytes: number; size: number }
  | { type: 'file-end'; stats: CorpusStats }
  | { type: 'notice'; message: string };

export type AuditEventListener = (event: AuditEvent) => void;
