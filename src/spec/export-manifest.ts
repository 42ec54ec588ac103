import { z } from 'zod';

export const EXPORT_MANIFEST_FORMAT_VERSION = 1;

/**
 * What `refusal-drill export` wrote, beside the training file: every prompt text it put in it (by
 * `hashPrompt`), so `run --trained-on <manifest>` plans each case that sends one of them as
 * `seen` — the recalibrated model was trained on it — whatever the pack or an audit said.
 */
export const exportManifestSchema = z
  .object({
    kind: z.literal('refusal-drill/export-manifest'),
    formatVersion: z.literal(EXPORT_MANIFEST_FORMAT_VERSION),
    createdAt: z.string(),
    /** The run the records came from. */
    runId: z.string(),
    format: z.enum(['sft', 'dpo']),
    /** The training file, as given to `--out`. */
    data: z.string(),
    records: z.number().int().nonnegative(),
    seen: z.array(
      z
        .object({
          /** `hashPrompt` of one user turn the training file holds. */
          hash: z.string().regex(/^[0-9a-f]{32}$/, 'a 32-hex-digit prompt hash'),
          caseId: z.string(),
        })
        .strict(),
    ),
    /** Cases left out because they, or a near copy of them, are held out. */
    heldOutLeftOut: z.number().int().nonnegative(),
  })
  .strict();
export type ExportManifest = z.infer<typeof exportManifestSchema>;
