import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DrillConfig } from '../api/index.js';

/** What `refusal-drill init` scaffolds, and the other spellings a folder's config may take; the first found is read. */
export const PROJECT_CONFIG_FILES = ['refusal-drill.yaml', 'refusal-drill.yml', 'refusal-drill.json', 'refusal-drill.config.mjs'] as const;

/** The folder's config file, when it has one (`run`, `gate` and `monitor ingest` read it; flags override it). */
export function findProjectConfig(cwd: string): string | undefined {
  return PROJECT_CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
}

export async function loadProjectConfig(cwd: string): Promise<{ file: string; config: DrillConfig } | undefined> {
  const file = findProjectConfig(cwd);
  if (file === undefined) return undefined;
  // The library loads only when the folder has a config: a gate or ingest without one never pays for it.
  const { loadConfig } = await import('../api/index.js');
  return { file, config: await loadConfig(file) };
}
