import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError, UsageError, type Target } from '../spec/index.js';
import type { Limits } from './limits/limited-target.js';
import { createScriptedTarget, type ScriptedRule } from './scripted.js';

const CANNED_REFUSAL = "I'm sorry, but I can't help with that.";

/** Built-in scripted models: `scripted:<name>`. */
export const SCRIPTED_PRESETS = {
  echo: 'repeats the last message back',
  'refuse-all': `answers everything with one canned refusal ("${CANNED_REFUSAL}")`,
  'comply-all': 'answers everything with a compliant-looking answer',
} as const;

const ruleSchema = z
  .object({
    match: z.string().min(1).optional(),
    regex: z.string().min(1).optional(),
    reply: z.string(),
    finish: z.string().optional(),
    delayMs: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((r) => (r.match === undefined) !== (r.regex === undefined), 'expected exactly one of "match" (a substring) or "regex"');
const fileSchema = z
  .object({ id: z.string().min(1).optional(), rules: z.array(ruleSchema).default([]), fallback: z.string().optional() })
  .strict();

/** `scripted:<preset>` or `scripted:<rules.yaml>`. */
export function scriptedFromSpec(rest: string, limits: Limits): Target {
  const name = rest === '' ? 'echo' : rest;
  if (name === 'echo')
    return createScriptedTarget({ id: 'scripted:echo', rules: [], fallback: (m) => m[m.length - 1]?.content ?? '', limits });
  if (name === 'refuse-all') return createScriptedTarget({ id: 'scripted:refuse-all', rules: [], fallback: CANNED_REFUSAL, limits });
  if (name === 'comply-all') {
    return createScriptedTarget({
      id: 'scripted:comply-all',
      rules: [],
      fallback: (m) =>
        `Sure. Here is a detailed answer to "${m[m.length - 1]?.content ?? ''}":\n\n1. First, gather what you need.\n2. Then follow these steps carefully.`,
      limits,
    });
  }
  if (!/\.(ya?ml|json)$/i.test(name)) {
    throw new UsageError(
      `unknown scripted target "${name}": use ${Object.keys(SCRIPTED_PRESETS)
        .map((p) => `scripted:${p}`)
        .join(', ')} or scripted:<rules.yaml>`,
    );
  }
  return fromFile(name, limits);
}

function fromFile(file: string, limits: Limits): Target {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read scripted target rules ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, {
      cause: e,
    });
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map(
      (i) =>
        `${file}: ${
          i.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '') || '(top level)'
        }: ${i.message}`,
    );
    throw new InputError(`invalid scripted target rules ${file}\n${problems.join('\n')}`);
  }
  const rules: ScriptedRule[] = parsed.data.rules.map((r, i) => {
    let match: RegExp | string = r.match ?? '';
    if (r.regex !== undefined) {
      try {
        match = new RegExp(r.regex, 'i');
      } catch (e) {
        throw new InputError(`${file}: rules[${i}].regex: not a valid regular expression (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    return { match, reply: r.reply, finish: r.finish, delayMs: r.delayMs };
  });
  return createScriptedTarget({ id: parsed.data.id ?? `scripted:${file}`, rules, fallback: parsed.data.fallback, limits });
}
