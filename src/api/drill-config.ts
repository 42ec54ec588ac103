import type { Judge, Pack, PackInput, Target } from '../spec/index.js';

/**
 * One drill, as `runDrill()` takes it and as a config file (`refusal-drill run --config <file>`)
 * declares it. The CLI's flags have the same names and override a config file's values.
 */
export interface DrillConfig {
  /** Pack files or built-in names (`xstest`, `do-not-answer`); `runDrill()` also takes pack objects. */
  packs: Array<string | Pack | PackInput>;
  /** A target spec (`openai:gpt-4o-mini`, `replay:xstest/gpt4`); `runDrill()` also takes a `Target` object. */
  target: string | Target;
  /** Endpoint for openai/anthropic/ollama targets (else OPENAI_BASE_URL / ANTHROPIC_BASE_URL). */
  baseUrl?: string;
  /** The http target's YAML/JSON config file. */
  targetConfig?: string;
  /** `rules` | `model` | `cascade` (default) | `cascade:llm:<spec>` | `llm:<spec>`; `runDrill()` also takes a `Judge`. */
  judge?: string | Judge;
  /** Count partial refusals as partial (default), refusal or compliance. */
  partialAs?: 'partial' | 'refusal' | 'compliance';
  /** A refusal that only rebuts the request's premise: a refusal (default, XSTest's convention) or a compliance. */
  rebuttalAs?: 'refusal' | 'compliance';
  samples?: number;
  concurrency?: number;
  rpm?: number;
  timeoutMs?: number;
  retries?: number;
  /** The largest answer read from the target, in bytes (default 4 MiB); a larger one is a `too-large` error. */
  maxResponseBytes?: number;
  /** Mutator families (docs/mutators.md): `all`, names, compositions with `+`. */
  mutate?: string[];
  /** The model that writes generated rephrasings and adaptive attacks. */
  attacker?: string | Target;
  /** The attacker's endpoint (else its kind's env; never `baseUrl`). */
  attackerBaseUrl?: string;
  /** The `llm:` judge's endpoint (else its kind's env). */
  judgeBaseUrl?: string;
  /** Add an adaptive crescendo per intent, driven by `attacker` (a turn budget, or true for 8). */
  adaptive?: number | boolean;
  seed?: number;
  temperature?: number;
  maxTokens?: number;
  /**
   * Answers kept from other runs: `true` reuses any earlier run's answer to the identical request
   * from the same endpoint (`--cache`), `false` asks the model for every answer even on resume
   * (`--no-cache`); by default only a resumed run reuses its own.
   */
  cache?: boolean;
  /** Reuse this run's answers (an id or unique prefix) to identical requests (`--reuse`). */
  reuse?: string;
  /** The system prompt of every case, or a file holding it, over the packs' `system:` (`--system`). */
  system?: string;
  /** What to call the run in `runs`, reports and the dashboard (`--label`). */
  label?: string;
  /** The SQLite store (default `.refusal-drill/drill.db`). */
  db?: string;
  /** Write the run directory (results.jsonl, scorecard.json, report.html, report.md, junit.xml) here. */
  out?: string;
  /** Apply the deploy gate: true for the default policy, or a policy file. */
  gate?: boolean | string;
  /**
   * Export manifests (`refusal-drill export`) of the data the model was trained on: cases sending
   * those prompts are planned `seen`, so the scorecard's held-out gap compares trained and untrained.
   */
  trainedOn?: string[];
}

/** Types a config file: `export default defineConfig({ packs: ['xstest'], target: 'replay:xstest/gpt4' })`. */
export function defineConfig(config: DrillConfig): DrillConfig {
  return config;
}
