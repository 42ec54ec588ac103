import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXPORT_MANIFEST_FORMAT_VERSION, type ExportManifest } from '../spec/index.js';
import type { ExportOutcome } from './export-run.js';

/** Where the manifest goes unless told: beside the training file. */
export function defaultManifestPath(out: string): string {
  return `${out.replace(/\.jsonl$/i, '')}.manifest.json`;
}

/**
 * Writes the training file and its manifest, each whole or not at all (a temp file renamed), so
 * an interrupted export never leaves a half file a trainer would read.
 */
export function writeExport(outcome: ExportOutcome, o: { out: string; manifest: string; now?: Date }): ExportManifest {
  const manifest: ExportManifest = {
    kind: 'refusal-drill/export-manifest',
    formatVersion: EXPORT_MANIFEST_FORMAT_VERSION,
    createdAt: (o.now ?? new Date()).toISOString(),
    runId: outcome.summary.runId,
    format: outcome.summary.format,
    data: o.out,
    records: outcome.records.length,
    seen: outcome.seen,
    heldOutLeftOut: outcome.summary.heldOut.cases + outcome.summary.heldOut.nearCopies,
  };
  atomicWrite(o.out, outcome.records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  atomicWrite(o.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function atomicWrite(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
