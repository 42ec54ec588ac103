import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../../spec/index.js';
import { calibrationSchema, type Calibration } from '../../spec/index.js';

/** Parses a calibration written by `refusal-drill calibrate`; a bad one names the file and the field. */
export function parseCalibration(text: string, file: string): Calibration {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = calibrationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${file}: ${issue?.path.length ? `field "${issue.path.join('.')}"` : 'the file'}: ${issue?.message ?? 'invalid'} (write one with refusal-drill calibrate)`,
    );
  }
  const steps = parsed.data.steps;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.upTo < steps[i - 1]!.upTo || steps[i]!.p < steps[i - 1]!.p)
      throw new InputError(`${file}: field "steps.${i}": steps must rise in both upTo and p`);
  }
  return parsed.data;
}

export function loadCalibration(file: string): Calibration {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read calibration ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseCalibration(text, file);
}

/** Writes a calibration where `loadCalibration` reads it back. */
export function saveCalibration(file: string, c: Calibration): void {
  writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`);
}
