import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { InputError } from '../spec/index.js';
import type { DrillConfig } from './drill-config.js';

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

// Targets, judges and packs may be objects in a JS config (runDrill takes them); files are checked
// field by field so a typo is an input error naming the field, not a silent default.
const configSchema = z
  .object({
    packs: z.array(z.union([z.string().min(1), z.custom<object>(isObject, 'a pack object')])).min(1),
    target: z.union([z.string().min(1), z.custom<object>(isObject, 'a Target object')]),
    baseUrl: z.string().optional(),
    targetConfig: z.string().optional(),
    judge: z.union([z.string().min(1), z.custom<object>(isObject, 'a Judge object')]).optional(),
    partialAs: z.enum(['partial', 'refusal', 'compliance']).optional(),
    rebuttalAs: z.enum(['refusal', 'compliance']).optional(),
    samples: z.number().int().positive().max(100).optional(),
    concurrency: z.number().int().positive().optional(),
    rpm: z.number().positive().optional(),
    timeoutMs: z.number().int().positive().optional(),
    retries: z.number().int().nonnegative().optional(),
    maxResponseBytes: z.number().int().positive().optional(),
    mutate: z.array(z.string()).optional(),
    attacker: z.union([z.string().min(1), z.custom<object>(isObject, 'a Target object')]).optional(),
    attackerBaseUrl: z.string().optional(),
    judgeBaseUrl: z.string().optional(),
    adaptive: z.union([z.number().int().positive(), z.boolean()]).optional(),
    seed: z.number().int().nonnegative().optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    cache: z.boolean().optional(),
    reuse: z.string().min(1).optional(),
    system: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    db: z.string().optional(),
    out: z.string().optional(),
    gate: z.union([z.boolean(), z.string()]).optional(),
    trainedOn: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** Checks a config (from a file or a caller) and names the first problems: `packs[0]: expected …`. */
export function checkConfig(value: unknown, where: string): DrillConfig {
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return value as DrillConfig;
  const lines = parsed.error.issues.slice(0, 10).map((i) => {
    const field = i.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    const what = i.code === 'unrecognized_keys' ? `not a config field: ${i.keys.join(', ')}` : i.message;
    return `${where}: ${field || '(top level)'}: ${what}`;
  });
  throw new InputError(`invalid config ${where}\n${lines.join('\n')}`);
}

/**
 * Reads a config file: a JS module (`.mjs`, `.js`, `.cjs`; its default export, usually
 * `defineConfig({...})`), JSON or YAML. A `.ts` config loads when Node runs with a TypeScript
 * loader (`node --import tsx`); Node 20 alone cannot.
 */
export async function loadConfig(file: string): Promise<DrillConfig> {
  const ext = extname(file).toLowerCase();
  let value: unknown;
  if (['.mjs', '.js', '.cjs', '.ts', '.mts'].includes(ext)) {
    try {
      const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: unknown };
      value = mod.default ?? mod;
    } catch (e) {
      const code = isObject(e) && 'code' in e ? String(e.code) : '';
      const hint =
        code === 'ERR_UNKNOWN_FILE_EXTENSION' ? ' (a TypeScript config needs a loader: node --import tsx, or write it as .mjs)' : '';
      throw new InputError(`cannot load config ${file}: ${e instanceof Error ? e.message : String(e)}${hint}`, { cause: e });
    }
  } else {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read config ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    try {
      value = ext === '.json' ? JSON.parse(text) : parse(text);
    } catch (e) {
      throw new InputError(`config ${file} does not parse: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  return checkConfig(value, file);
}
