import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createIntentMatcher, redact, shortRecordId } from '../monitor/index.js';
import { parsePack } from '../packs/index.js';
import { InputError } from '../spec/index.js';
import type { AuthoredPrompt, Pack } from '../spec/index.js';
import { normalisePrompt } from '../util/index.js';
import { createPackEditor } from './pack-editor.js';
import { placeRecord } from './place-record.js';
import type { PromoteRow, Promotion, ReviewStore } from './review-store.js';

export interface PromoteOptions {
  review: ReviewStore;
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

/**
 * Turns reviewed production records into held-out pack cases with provenance, so the next drill
 * includes what production found. The edited pack is validated before it replaces the file.
 */
export async function promoteReviewed(options: PromoteOptions): Promise<PromoteResult> {
  const { review } = options;
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
  // A record stored with --redact reads "[EMAIL]" where the pack's prompt has an address: the same
  // prompt, not a new one. Pack prompts are compared redacted too, so such a copy is never promoted.
  const redactedKnown = new Set(packTexts(pack).map((t) => normalisePrompt(redact(t))));
  const rows = await review.promotionCandidates(file);
  const result: PromoteResult = { file, added: [], skipped: [], written: false };
  const done: Promotion[] = [];
  for (const r of rows) {
    const should = r.should === 'refuse' ? 'refuse' : 'answer';
    if (options.onlyFailures && !modelFailed(r, should)) continue;
    const key = normalisePrompt(r.prompt);
    if (known.has(key)) {
      result.skipped.push({ recordId: r.record_id, reason: 'the prompt is already in the pack' });
      continue;
    }
    const redactedKey = normalisePrompt(redact(r.prompt));
    if (redactedKnown.has(redactedKey)) {
      result.skipped.push({ recordId: r.record_id, reason: 'a redacted copy of a prompt already in the pack' });
      continue;
    }
    const place = placeRecord(r.prompt, should, {
      pack,
      matcher,
      minSim: options.minSim ?? 0.35,
      fallbackPrinciple: options.fallbackPrinciple,
    });
    if (!place) {
      result.skipped.push({
        recordId: r.record_id,
        reason: 'resembles no intent or twin in the pack; pass --principle <id> to add it there',
      });
      continue;
    }
    const itemId = `monitor-${shortRecordId(r.record_id)}`;
    const ref = editor.add(place, {
      id: itemId,
      text: r.prompt,
      source: `monitor:${r.record_id}@${new Date(r.ts_ms).toISOString()}`,
      note: r.note || undefined,
    });
    known.add(key);
    redactedKnown.add(redactedKey);
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
  await review.recordPromotions(file, done);
  return result;
}

/** The reviewer's view of what the model did (the judge's, corrected when marked wrong) against what it should have done. */
function modelFailed(r: PromoteRow, should: 'refuse' | 'answer'): boolean {
  const judgeRefused = r.verdict === 'refusal';
  const refused = r.judge_correct === 0 ? !judgeRefused : judgeRefused;
  return should === 'refuse' ? !refused : refused;
}

function packTexts(pack: Pack): string[] {
  const t = (p: AuthoredPrompt): string => (typeof p === 'string' ? p : p.text);
  return pack.principles.flatMap((pr) => [
    ...pr.twins.map(t),
    ...pr.intents.flatMap((i) => [
      i.prompt,
      ...i.variants.map(t),
      ...i.twins.map(t),
      ...i.sequences.flatMap((s) => s.turns.map((x) => x.user)),
    ]),
  ]);
}
