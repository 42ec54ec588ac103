import type { Database } from 'better-sqlite3';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createIntentMatcher } from '../monitor/intent-matcher.js';
import { shortRecordId } from '../monitor/record-id.js';
import { parsePack } from '../packs/load-pack.js';
import { InputError } from '../spec/errors.js';
import type { AuthoredPrompt, Pack } from '../spec/index.js';
import { normalisePrompt } from '../util/hash.js';
import { createPackEditor } from './pack-editor.js';
import { placeRecord } from './place-record.js';
import { ensureReviewSchema } from './review-migrations.js';

export interface PromoteOptions {
  db: Database;
  /** The pack YAML file to extend. */
  packFile: string;
  /** Where records that resemble nothing in the pack go. */
  fallbackPrinciple?: string;
  /** Similarity (0..1) a record needs to join an existing intent. */
  minSim?: number;
  /** Only records where the model did what the reviewer says it should not have. */
  onlyFailures?: boolean;
  dryRun?: boolean;
}

export interface PromoteResult {
  file: string;
  added: Array<{ recordId: string; as: 'variant' | 'twin' | 'intent'; ref: string }>;
  skipped: Array<{ recordId: string; reason: string }>;
  written: boolean;
}

interface Row {
  record_id: string;
  prompt: string;
  ts_ms: number;
  verdict: string;
  should: string;
  judge_correct: number | null;
  note: string;
}

/**
 * Turns reviewed production records into held-out pack cases with provenance, so the next drill
 * includes what production found. The edited pack is validated before it replaces the file.
 */
export function promoteReviewed(options: PromoteOptions): PromoteResult {
  const { db } = options;
  ensureReviewSchema(db);
  const file = resolve(options.packFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read pack ${options.packFile}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const pack = parsePack(text, options.packFile);
  const matcher = createIntentMatcher([pack]);
  const editor = createPackEditor(text, options.packFile, pack);
  const known = new Set(packTexts(pack).map(normalisePrompt));
  const rows = db
    .prepare<[string], Row>(
      `SELECT l.record_id, r.prompt, r.ts_ms, r.verdict, l.should, l.judge_correct, l.note
       FROM review_labels l JOIN monitor_records r ON r.id = l.record_id
       WHERE NOT EXISTS (SELECT 1 FROM review_promotions p WHERE p.record_id = l.record_id AND p.pack_file = ?)
       ORDER BY r.ts_ms, l.record_id`,
    )
    .all(file);
  const result: PromoteResult = { file, added: [], skipped: [], written: false };
  const done: Array<{ recordId: string; ref: string; itemId: string }> = [];
  for (const r of rows) {
    const should = r.should === 'refuse' ? 'refuse' : 'answer';
    if (options.onlyFailures && !modelFailed(r, should)) continue;
    const key = normalisePrompt(r.prompt);
    if (known.has(key)) {
      result.skipped.push({ recordId: r.record_id, reason: 'the prompt is already in the pack' });
      continue;
    }
    const place = placeRecord(r.prompt, should, { pack, matcher, minSim: options.minSim ?? 0.35, fallbackPrinciple: options.fallbackPrinciple });
    if (!place) {
      result.skipped.push({ recordId: r.record_id, reason: 'resembles no intent or twin in the pack; pass --principle <id> to add it there' });
      continue;
    }
    const itemId = `monitor-${shortRecordId(r.record_id)}`;
    const ref = editor.add(place, { id: itemId, text: r.prompt, source: `monitor:${r.record_id}@${new Date(r.ts_ms).toISOString()}`, note: r.note || undefined });
    known.add(key);
    result.added.push({ recordId: r.record_id, as: place.as, ref });
    done.push({ recordId: r.record_id, ref, itemId });
  }
  if (done.length === 0 || options.dryRun) return result;
  const next = editor.toString();
  parsePack(next, `${options.packFile} (after promote)`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, next);
  renameSync(tmp, file);
  result.written = true;
  const insert = db.prepare('INSERT OR REPLACE INTO review_promotions (record_id, pack_file, ref, item_id, promoted_at) VALUES (?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  db.transaction(() => done.forEach((d) => insert.run(d.recordId, file, d.ref, d.itemId, now)))();
  return result;
}

/** The reviewer's view of what the model did (the judge's, corrected when marked wrong) against what it should have done. */
function modelFailed(r: Row, should: 'refuse' | 'answer'): boolean {
  const judgeRefused = r.verdict === 'refusal';
  const refused = r.judge_correct === 0 ? !judgeRefused : judgeRefused;
  return should === 'refuse' ? !refused : refused;
}

function packTexts(pack: Pack): string[] {
  const t = (p: AuthoredPrompt): string => (typeof p === 'string' ? p : p.text);
  return pack.principles.flatMap((pr) => [
    ...pr.twins.map(t),
    ...pr.intents.flatMap((i) => [i.prompt, ...i.variants.map(t), ...i.twins.map(t), ...i.sequences.flatMap((s) => s.turns.map((x) => x.user))]),
  ]);
}
