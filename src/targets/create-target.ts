import { UsageError, type Target } from '../spec/index.js';
import type { Limits } from './limits/limited-target.js';
import { TARGET_DEFAULTS } from './target-defaults.js';
import { targetKinds, type TargetKindName } from './target-kinds.js';
import type { TargetSettings } from './target-settings.js';

export type { TargetSettings } from './target-settings.js';

export { TARGET_DEFAULTS } from './target-defaults.js';

/**
 * Builds the model under drill from a spec such as `openai:gpt-4o-mini`. Throws a UsageError for
 * an unknown or malformed spec (listing the known kinds) and a TargetError of kind `auth` when a
 * required key is missing, so a run fails before it starts rather than once per case.
 */
export function createTarget(spec: string, settings: TargetSettings = {}): Target {
  const match = /^([a-z][a-z0-9-]*)(?::([\s\S]*))?$/i.exec(spec.trim());
  const name = match?.[1]?.toLowerCase();
  if (!match || !name || !isKind(name)) {
    throw new UsageError(
      `unknown target "${spec}". Known kinds:\n${describeTargetKinds()
        .map((k) => `  ${k.example.padEnd(34)} ${k.description}`)
        .join('\n')}`,
    );
  }
  return targetKinds[name].create({
    spec: spec.trim(),
    rest: (match[2] ?? '').trim(),
    settings,
    env: settings.env ?? process.env,
    limits: limitsOf(settings),
  });
}

export function describeTargetKinds(): Array<{ kind: string; example: string; description: string }> {
  return Object.entries(targetKinds).map(([kind, k]) => ({ kind, example: k.example, description: k.description }));
}

function isKind(name: string): name is TargetKindName {
  return Object.hasOwn(targetKinds, name);
}

function limitsOf(s: TargetSettings): Limits {
  const whole = (name: string, value: number | undefined, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < min)
      throw new UsageError(`target setting ${name} must be a whole number ≥ ${min}, got ${value}`);
    return value;
  };
  if (s.rpm !== undefined && !(s.rpm > 0 && Number.isFinite(s.rpm)))
    throw new UsageError(`target setting rpm must be a positive number, got ${s.rpm}`);
  return {
    concurrency: whole('concurrency', s.concurrency, TARGET_DEFAULTS.concurrency, 1),
    rpm: s.rpm,
    retries: whole('retries', s.retries, TARGET_DEFAULTS.retries, 0),
    timeoutMs: whole('timeoutMs', s.timeoutMs, TARGET_DEFAULTS.timeoutMs, 1),
    backoffBaseMs: whole('backoffBaseMs', s.backoffBaseMs, TARGET_DEFAULTS.backoffBaseMs, 0),
    maxRetryDelayMs: whole('maxRetryDelayMs', s.maxRetryDelayMs, TARGET_DEFAULTS.maxRetryDelayMs, 0),
    maxResponseBytes: whole('maxResponseBytes', s.maxResponseBytes, TARGET_DEFAULTS.maxResponseBytes, 1),
    onRetry: s.onRetry,
  };
}
