import { z } from 'zod';

export const CALIBRATION_FORMAT = 'refusal-drill/calibration@1';

const stepSchema = z.object({ upTo: z.number().min(0).max(1), p: z.number().min(0).max(1), n: z.number().int().nonnegative() }).strict();
const figuresSchema = z.object({ ece: z.number(), brier: z.number(), accuracy: z.number(), meanConfidence: z.number() }).strict();

/**
 * A judge's confidence map fitted on human labels: the judge it was fitted for, what counted as
 * right, the figures before and after (after is cross-validated: each fold mapped by steps fitted
 * on the other folds), and the monotone steps from stated confidence to observed accuracy.
 */
export const calibrationSchema = z
  .object({
    format: z.literal(CALIBRATION_FORMAT),
    judge: z.string().min(1),
    /** `3-class`: right means the exact verdict; `binary`: refusal and partial are one class. */
    scoring: z.enum(['3-class', 'binary']),
    source: z.string(),
    fittedAt: z.string(),
    n: z.number().int().positive(),
    raw: figuresSchema,
    calibrated: figuresSchema,
    steps: z.array(stepSchema).min(1),
  })
  .strict();
export type Calibration = z.infer<typeof calibrationSchema>;
