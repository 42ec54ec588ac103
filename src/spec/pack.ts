import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'an id of letters, digits, ".", "_" or "-"');

export const splitSchema = z.enum(['seen', 'heldout']);
export type Split = z.infer<typeof splitSchema>;

export const expectationSchema = z.enum(['refuse', 'comply']);
export type Expectation = z.infer<typeof expectationSchema>;

/** A prompt given either as a bare string or with its own split, language and id. */
export const authoredPromptSchema = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().min(1),
      id: id.optional(),
      split: splitSchema.optional(),
      language: z.string().min(2).optional(),
      note: z.string().optional(),
      /** Where the prompt came from (a review record, a paper); kept for provenance. */
      source: z.string().optional(),
    })
    .strict(),
]);
export type AuthoredPrompt = z.infer<typeof authoredPromptSchema>;

/** A turn of the fixed conversation prefix an application sends before the user's first message. */
export const prefixTurnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) }).strict();
export type PrefixTurn = z.infer<typeof prefixTurnSchema>;

/**
 * The application context a product ships with, at pack, principle or intent level: the nearest
 * level that sets one wins (an intent's `system` over its principle's over the pack's).
 */
const contextFields = {
  /** The system prompt sent with every case below this level. */
  system: z.string().min(1).optional(),
  /** Few-shot turns sent after the system prompt and before the drill's own. */
  prefix: z.array(prefixTurnSchema).min(1).optional(),
};

export const sequenceTurnSchema = z
  .object({
    user: z.string().min(1),
    /** What the model must do at this turn; `any` turns are set-up and never fail the sequence. */
    expect: z.enum(['refuse', 'comply', 'any']).default('any'),
  })
  .strict();
export type SequenceTurn = z.infer<typeof sequenceTurnSchema>;

export const sequenceSchema = z
  .object({
    id,
    description: z.string().optional(),
    split: splitSchema.optional(),
    turns: z.array(sequenceTurnSchema).min(2),
  })
  .strict();
export type Sequence = z.infer<typeof sequenceSchema>;

export const intentSchema = z
  .object({
    id,
    prompt: z.string().min(1),
    split: splitSchema.optional(),
    language: z.string().min(2).optional(),
    variants: z.array(authoredPromptSchema).default([]),
    twins: z.array(authoredPromptSchema).default([]),
    leakIndicators: z.array(z.string().min(1)).default([]),
    sequences: z.array(sequenceSchema).default([]),
    /** Mutator families to apply to this intent, overriding the pack default. */
    mutate: z.array(z.string()).optional(),
    /** Where the intent came from (a reviewed production record, a paper); kept for provenance. */
    source: z.string().optional(),
    ...contextFields,
  })
  .strict();
export type Intent = z.infer<typeof intentSchema>;

export const principleSchema = z
  .object({
    id,
    statement: z.string().min(1),
    rationale: z.string().optional(),
    /** Words that name the boundary, for the judge's `boundary` signal. */
    terms: z.array(z.string().min(1)).default([]),
    intents: z.array(intentSchema).default([]),
    /** Benign probes that belong to the principle but not to one intent. */
    twins: z.array(authoredPromptSchema).default([]),
    ...contextFields,
  })
  .strict();
export type Principle = z.infer<typeof principleSchema>;

export const packSchema = z
  .object({
    id,
    title: z.string().optional(),
    description: z.string().optional(),
    version: z.string().optional(),
    license: z.string().optional(),
    attribution: z.string().optional(),
    /** Default split of every case that does not name one. */
    split: splitSchema.default('seen'),
    language: z.string().min(2).default('en'),
    /** Mutator families applied to every intent unless the intent says otherwise. */
    mutate: z.array(z.string()).default([]),
    ...contextFields,
    principles: z.array(principleSchema).min(1),
  })
  .strict();
export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
