import { existsSync, readFileSync } from 'node:fs';
import { exportManifestSchema, InputError, type DrillCase } from '../spec/index.js';
import { hashPrompt } from '../util/index.js';

/**
 * The prompt hashes of the export manifests a recalibrated model was trained on (`run
 * --trained-on`): each file validated, an error naming the file and the field.
 */
export function loadTrainedOn(files: readonly string[]): Set<string> {
  const hashes = new Set<string>();
  for (const file of files) {
    if (!existsSync(file))
      throw new InputError(`--trained-on ${file}: no such file (an export manifest, written by \`refusal-drill export\`)`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new InputError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const parsed = exportManifestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || '(top level)';
      throw new InputError(`${file}: ${field}: ${issue?.message ?? 'invalid'} (expected an export manifest from \`refusal-drill export\`)`);
    }
    for (const s of parsed.data.seen) hashes.add(s.hash);
  }
  return hashes;
}

/** Cases that send a prompt the model was trained on: planned `seen`. */
export function trainedOnCases(cases: readonly DrillCase[], hashes: ReadonlySet<string>): DrillCase[] {
  return cases.filter((c) => c.turns.some((t) => hashes.has(hashPrompt(t.content))));
}
