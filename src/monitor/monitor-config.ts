import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { DEFAULT_MATCH_THRESHOLD } from './intent-matcher.js';
import { ensureMonitorSchema } from './monitor-migrations.js';

/** Settings kept in the store, so `ingest`, `status` and `serve` all measure the same way. */
export const monitorConfigSchema = z.object({
  window: z.string(),
  baseline: z.string(),
  /** Packs whose intents and twins records are matched against; null = every built-in pack. */
  packs: z.array(z.string()).nullable(),
  matchThreshold: z.number().min(0).max(1),
  fdr: z.number().gt(0).lt(1),
  minN: z.number().int().positive(),
  minEffect: z.number().min(0).max(1),
  /** Tested windows back in band, in a row, that close an incident. */
  closeAfter: z.number().int().positive(),
});
export type MonitorConfig = z.infer<typeof monitorConfigSchema>;

export const DEFAULT_MONITOR_CONFIG: MonitorConfig = {
  window: 'hour',
  baseline: 'default',
  packs: null,
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  fdr: 0.05,
  minN: 30,
  minEffect: 0.02,
  closeAfter: 6,
};

export function readMonitorConfig(db: Database): MonitorConfig {
  ensureMonitorSchema(db);
  const row = db.prepare<[], { value: string }>("SELECT value FROM monitor_config WHERE key = 'config'").get();
  return configFromStored(row?.value);
}

/** The stored settings over the defaults; a setting that no longer parses falls back to its default. */
export function configFromStored(value: string | undefined): MonitorConfig {
  if (value === undefined) return { ...DEFAULT_MONITOR_CONFIG };
  const parsed = monitorConfigSchema.partial().safeParse(JSON.parse(value));
  return { ...DEFAULT_MONITOR_CONFIG, ...(parsed.success ? parsed.data : {}) };
}

export function writeMonitorConfig(db: Database, patch: Partial<MonitorConfig>): MonitorConfig {
  const next = monitorConfigSchema.parse({ ...readMonitorConfig(db), ...patch });
  db.prepare("INSERT OR REPLACE INTO monitor_config (key, value) VALUES ('config', ?)").run(JSON.stringify(next));
  return next;
}
