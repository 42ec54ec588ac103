import { existsSync } from 'node:fs';
import { resolvePack } from '../packs/index.js';
import { loadRun, snapshotContext } from '../run/index.js';
import { InputError, type CaseResult, type RunContext, type RunRecord } from '../spec/index.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../store/index.js';

// Spelled out rather than extending run's LoadedRun: the library's declarations must not pull in
// the store's (and with them better-sqlite3's, a dev-only type package).
export interface ExportSource {
  run: RunRecord;
  results: CaseResult[];
  /** The principles (statement, rationale, terms) and leak indicators the run was judged with. */
  context: RunContext;
}

/**
 * A run to export, by id from the store or from its directory, with the judge's context it ran
 * with: the snapshot stored with the run when the store has it, else the run's packs read again.
 */
export async function loadExportRun(ref: string, o: { db?: string } = {}): Promise<ExportSource> {
  const loaded = await loadRun(ref, o);
  const db = o.db ?? DEFAULT_DB;
  if (isPostgresUrl(db) || existsSync(db)) {
    const store = await openStore(db);
    try {
      const context = await store.runContext(loaded.run.id);
      if (context) return { ...loaded, context };
    } finally {
      await store.close();
    }
  }
  const refs = loaded.run.options.packRefs ?? [];
  try {
    if (refs.length === 0) throw new Error('the run names no packs');
    return { ...loaded, context: snapshotContext(refs.map((r) => resolvePack(r))) };
  } catch (e) {
    throw new InputError(
      `cannot find the principles run ${loaded.run.id} was drilled on: it is not in ${db} and its packs (${refs.join(', ') || 'none named'}) cannot be read (${e instanceof Error ? e.message : String(e)}); pass the store it ran in with --db`,
    );
  }
}
