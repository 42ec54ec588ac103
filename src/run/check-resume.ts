import { UsageError, type RunOptions, type RunRecord } from '../spec/index.js';
import { storableBaseUrl } from '../targets/index.js';
import type { RunSettings } from './run-settings.js';

/** Each option that changes what a run measures: its flag, and its value as the run stored it. */
const RESULT_OPTIONS: Array<{
  key: keyof RunSettings;
  flag: string;
  stored: (o: RunOptions, run: RunRecord) => unknown;
  show?: (value: unknown) => string;
  /** When a given value means the stored one (a run id's prefix); else they must be equal. */
  same?: (given: unknown, stored: unknown) => boolean;
}> = [
  { key: 'packRefs', flag: 'the packs', stored: (o, run) => o.packRefs ?? run.packs },
  { key: 'target', flag: '--target', stored: (o) => o.targetSpec },
  { key: 'baseUrl', flag: '--base-url', stored: (o) => o.baseUrl },
  { key: 'targetConfig', flag: '--target-config', stored: (o) => o.targetConfig },
  { key: 'judge', flag: '--judge', stored: (o) => o.judge },
  { key: 'partialAs', flag: '--partial-as', stored: (o) => o.partialAs ?? 'partial' },
  { key: 'rebuttalAs', flag: '--rebuttal-as', stored: (o) => o.rebuttalAs ?? 'refusal' },
  { key: 'mutate', flag: '--mutate', stored: (o) => o.mutate },
  { key: 'attacker', flag: '--attacker', stored: (o) => o.attacker },
  { key: 'attackerBaseUrl', flag: '--attacker-base-url', stored: (o) => o.attackerBaseUrl },
  { key: 'judgeBaseUrl', flag: '--judge-base-url', stored: (o) => o.judgeBaseUrl },
  { key: 'adaptive', flag: '--adaptive', stored: (o) => o.adaptiveTurns },
  { key: 'samples', flag: '--samples', stored: (o) => o.samples },
  { key: 'seed', flag: '--seed', stored: (o) => o.seed },
  { key: 'temperature', flag: '--temperature', stored: (o) => o.temperature },
  { key: 'maxTokens', flag: '--max-tokens', stored: (o) => o.maxTokens },
  { key: 'cache', flag: '--no-cache', stored: (o) => o.cache, show: (v) => (v ? 'its own answers reused' : 'no answer reused') },
  {
    key: 'reuse',
    flag: '--cache / --reuse',
    stored: (o) => o.reuse,
    show: (v) => (v === undefined ? 'no other run reused' : v === 'any' ? '--cache' : `--reuse ${String(v)}`),
    same: (given, stored) => typeof given === 'string' && typeof stored === 'string' && given !== 'any' && stored.startsWith(given),
  },
  { key: 'system', flag: '--system', stored: (o) => o.system, show: (v) => (v === undefined ? 'none' : 'another system prompt') },
];

/**
 * A resumed run goes on exactly as it started, or its results would mix two set-ups (another
 * model, judge or convention for the cases still pending). `asked` holds only the options the
 * user gave on this command line; one that differs from what the run stored is refused, naming
 * the flag. Giving the same value again is fine. Request limits and `--out` may change.
 */
export function checkResume(run: RunRecord, asked: Partial<RunSettings>): void {
  if (asked.calibration !== undefined)
    throw new UsageError(
      `--calibration cannot change a run being resumed: it goes on with the calibration it started with (run ${run.id}); start a new run to use another`,
    );
  for (const { key, flag, stored, show = plain, same } of RESULT_OPTIONS) {
    const given = asked[key];
    if (given === undefined) continue;
    // Credentials are never stored, so the URL is compared without them.
    const value = key === 'baseUrl' && typeof given === 'string' ? storableBaseUrl(given).url : given;
    const was = stored(run.options, run);
    if (JSON.stringify(value) === JSON.stringify(was) || same?.(value, was)) continue;
    const named = show === plain ? `${flag} ${show(value)}` : flag;
    throw new UsageError(
      `${named} would change what run ${run.id} measures: it was started with ${was === undefined ? 'none' : show(was)}. A resumed run goes on with the options it started with; leave ${flag} out, or start a new run`,
    );
  }
}

/**
 * The settings a caller gave explicitly, not defaults (flags or a config file for the CLI, the
 * config's fields for the library): what a resume checks against the stored run.
 */
export function askedSettings(s: RunSettings, given: (key: keyof RunSettings) => boolean): Partial<RunSettings> {
  const asked: Partial<RunSettings> = {};
  if (s.packRefs.length > 0) asked.packRefs = s.packRefs;
  for (const { key } of RESULT_OPTIONS) if (key !== 'packRefs' && given(key)) Object.assign(asked, { [key]: s[key] });
  if (given('calibration')) asked.calibration = s.calibration;
  return asked;
}

function plain(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return typeof value === 'string' ? `"${value}"` : String(value);
}
