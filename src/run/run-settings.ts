import type { Calibration, RunOptions } from '../spec/index.js';
import { storableBaseUrl } from '../targets/index.js';

/**
 * What a user asks of a run: every option that shapes its plan or its results, all stored with
 * the run (so a resume and a team's worker rebuild it exactly), nothing secret. Request limits
 * (concurrency, rpm, timeouts, retries) change how fast, not what: they are this machine's.
 */
export interface RunSettings {
  /** Pack files or built-in pack names, as given. */
  packRefs: string[];
  target: string;
  baseUrl?: string;
  /** For the http target. */
  targetConfig?: string;
  judge: string;
  partialAs?: 'partial' | 'refusal' | 'compliance';
  rebuttalAs?: 'refusal' | 'compliance';
  /** A calibration file (from `refusal-drill calibrate`); its content is stored with the run. */
  calibration?: string;
  mutate?: string[];
  attacker?: string;
  /** The attacker's endpoint; else its kind's env (OPENAI_BASE_URL, …), never `baseUrl`. */
  attackerBaseUrl?: string;
  /** The `llm:` judge's endpoint; else its kind's env. */
  judgeBaseUrl?: string;
  /** Turn budget of one adaptive case per intent; none are planned without it. */
  adaptive?: number;
  samples: number;
  seed: number;
  temperature?: number;
  maxTokens?: number;
  /** False for `--no-cache`: ask the model every time, even what this run asked before. */
  cache: boolean;
  /** Reuse answers other runs got: `any` (`--cache`) or one run's id or unique prefix (`--reuse`). */
  reuse?: string;
  /** `--system`: the system prompt of every case (text; the CLI reads a file it names), over the packs' own. */
  system?: string;
  /** `--label`: what the user calls the run; not part of what it measures. */
  label?: string;
  /** Where the run directory goes (absolute); a resumed run writes there too unless told otherwise. */
  out?: string;
}

/** The turn budget of adaptive cases from `--adaptive [turns]` (or the config's `adaptive`): none, 8, or as given. */
export function adaptiveTurnsOf(adaptive: number | boolean | undefined): number | undefined {
  return adaptive === undefined || adaptive === false ? undefined : adaptive === true ? 8 : adaptive;
}

/** The base URL as stored: never its credentials, which stay on the command line that gave them. */
function storedBaseUrl(given: string | undefined): Pick<RunOptions, 'baseUrl' | 'baseUrlCredentials'> {
  if (given === undefined) return {};
  const { url, removed } = storableBaseUrl(given);
  return { baseUrl: url, ...(removed ? { baseUrlCredentials: true } : {}) };
}

/** The stored options of a new run. */
export function runOptionsOf(s: RunSettings, o: { concurrency: number; calibration?: Calibration }): RunOptions {
  return {
    samples: s.samples,
    concurrency: o.concurrency,
    judge: s.judge,
    ...(s.partialAs && s.partialAs !== 'partial' ? { partialAs: s.partialAs } : {}),
    ...(s.rebuttalAs && s.rebuttalAs !== 'refusal' ? { rebuttalAs: s.rebuttalAs } : {}),
    ...(o.calibration ? { calibration: o.calibration } : {}),
    mutate: s.mutate ?? [],
    seed: s.seed,
    cache: s.cache,
    ...(s.reuse === undefined ? {} : { reuse: s.reuse }),
    ...(s.system === undefined ? {} : { system: s.system }),
    temperature: s.temperature,
    maxTokens: s.maxTokens,
    targetSpec: s.target,
    ...storedBaseUrl(s.baseUrl),
    targetConfig: s.targetConfig,
    attacker: s.attacker,
    ...(s.attackerBaseUrl === undefined ? {} : { attackerBaseUrl: s.attackerBaseUrl }),
    ...(s.judgeBaseUrl === undefined ? {} : { judgeBaseUrl: s.judgeBaseUrl }),
    packRefs: s.packRefs,
    adaptiveTurns: s.adaptive,
    out: s.out,
  };
}
