import { z } from 'zod';
import { calibrationSchema } from './calibration.js';
import { runOutcomeSchema } from './run-outcome.js';

/**
 * Bumped whenever the stored or exported run format changes shape. 2: options.out, case kind
 * `adaptive`. 3: a label, the system prompt and answer reuse in the options, the outcome (answers
 * asked and reused, headline figures, gate). Older records still read.
 */
export const RUN_FORMAT_VERSION = 3;

export const runStatusSchema = z.enum(['running', 'interrupted', 'done', 'failed']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runOptionsSchema = z
  .object({
    samples: z.number().int().positive(),
    concurrency: z.number().int().positive(),
    judge: z.string(),
    /** How partial refusals are counted: kept (default), or reported as refusals or compliances (a binary convention). */
    partialAs: z.enum(['partial', 'refusal', 'compliance']).optional(),
    /** How a premise rebuttal with no refusal sentence is counted: a refusal (XSTest's convention, the default) or a compliance. */
    rebuttalAs: z.enum(['refusal', 'compliance']).optional(),
    /** The judge's confidence map (from `refusal-drill calibrate`), kept whole so a resumed or queued run maps the same way. */
    calibration: calibrationSchema.optional(),
    mutate: z.array(z.string()),
    seed: z.number().int(),
    /** False for `--no-cache`: every answer is asked of the model, none read from the cache. */
    cache: z.boolean(),
    /** Answers other runs got that this run may reuse: `any` (`--cache`), or one run's id (`--reuse`). Absent: only its own. */
    reuse: z.string().optional(),
    /** `--system`: the system prompt of every case, over the packs' own. */
    system: z.string().optional(),
    temperature: z.number().optional(),
    maxTokens: z.number().int().optional(),
    /** What the user typed, so `--resume` can rebuild the target; never holds a secret. */
    targetSpec: z.string().optional(),
    /** The base URL without its credentials (user:password@, secret-looking query parameters). */
    baseUrl: z.string().optional(),
    /** Credentials were taken out of the base URL: a resume or a worker needs the URL given again. */
    baseUrlCredentials: z.literal(true).optional(),
    targetConfig: z.string().optional(),
    attacker: z.string().optional(),
    /** The attacker's own endpoint (`--attacker-base-url`); it never takes `baseUrl`. */
    attackerBaseUrl: z.string().optional(),
    /** The LLM judge's own endpoint (`--judge-base-url`). */
    judgeBaseUrl: z.string().optional(),
    /** Turn budget of adaptive (crescendo) cases; absent when none were planned. */
    adaptiveTurns: z.number().int().positive().optional(),
    /** Pack references as given (file paths or built-in names). */
    packRefs: z.array(z.string()).optional(),
    /** The run directory `--out` named (absolute), where a resumed run writes too; absent for the default. */
    out: z.string().optional(),
  })
  .strict();
export type RunOptions = z.infer<typeof runOptionsSchema>;

export const runRecordSchema = z
  .object({
    formatVersion: z.union([z.literal(1), z.literal(2), z.literal(RUN_FORMAT_VERSION)]),
    id: z.string(),
    target: z.string(),
    packs: z.array(z.string()),
    options: runOptionsSchema,
    status: runStatusSchema,
    caseCount: z.number().int().nonnegative(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** `--label`: what the user calls this run ("v2 after SFT"). */
    label: z.string().optional(),
    /** Short hash of the system prompts and conversation prefixes its cases send; absent when they send none. */
    systemHash: z.string().optional(),
    /** Set when the run finishes (see run-outcome.ts). */
    outcome: runOutcomeSchema.optional(),
  })
  .strict();
export type RunRecord = z.infer<typeof runRecordSchema>;
