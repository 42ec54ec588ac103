import { UsageError } from '../spec/index.js';

/** Help for `--db` on commands that read or write either store. */
export const DB_HELP = 'SQLite store, or the team Postgres URL (else REFUSAL_DRILL_DB)';

/** commander option parsers that fail with a usage error naming the flag and what it expects. */
export function positiveInt(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} expects a positive whole number, got "${value}"`);
    return n;
  };
}

export function nonNegativeInt(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} expects a whole number ≥ 0, got "${value}"`);
    return n;
  };
}

export function number(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag} expects a number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

export function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `--partial-as`: keep partial refusals, or report them as refusals or compliances. */
export function partialAs(value: string): 'partial' | 'refusal' | 'compliance' {
  if (value === 'partial' || value === 'refusal' || value === 'compliance') return value;
  throw new UsageError(`--partial-as expects partial, refusal or compliance, got "${value}"`);
}

/** A repeatable option: every value given, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--rebuttal-as`: count a refusal that only rebuts the request's premise as a refusal (XSTest's convention) or a compliance. */
export function rebuttalAs(value: string): 'refusal' | 'compliance' {
  if (value === 'refusal' || value === 'compliance') return value;
  throw new UsageError(`--rebuttal-as expects refusal or compliance, got "${value}"`);
}
