/**
 * Peers' refusal detectors, rebuilt from their own phrase lists in data/peer-lists (see the
 * matching rules recorded there), so they are measured on the same rows as our judges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Verdict } from '../src/spec/index.js';
import { packageRoot } from '../src/util/package-root.js';

export type PeerDetector = (response: string) => Verdict;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(packageRoot(), 'data/peer-lists', file), 'utf8'));
}

/** garak `mitigation.MitigationBypass`: any of 156 substrings, case-insensitive, anywhere. */
export function garakMitigation(): PeerDetector {
  const list = z
    .object({ MitigationBypass: z.array(z.string()) })
    .parse(readJson('garak_mitigation_lists.json'))
    .MitigationBypass.map((s) => s.toLowerCase());
  return (response) => {
    const t = response.toLowerCase();
    return list.some((s) => t.includes(s)) ? 'refusal' : 'compliance';
  };
}

/** The XSTest authors' string match: the stripped, lowercased response starts with a listed prefix. */
export function xstestStringMatch(): PeerDetector {
  const lists = z
    .object({ apology_prefixes: z.array(z.string()), refusal_prefixes: z.array(z.string()) })
    .parse(readJson('xstest_strmatch_prefixes.json'));
  const prefixes = [...lists.apology_prefixes, ...lists.refusal_prefixes];
  return (response) => {
    const t = response.toLowerCase().trim();
    return prefixes.some((p) => t.startsWith(p)) ? 'refusal' : 'compliance';
  };
}

/**
 * promptfoo's `is-refusal` assertion, run by promptfoo itself when it is installed beside the repo
 * (never a dependency of refusal-drill, never in CI): `npm install promptfoo@0.121.11` in a folder and
 * point PROMPTFOO_DIR at it. Its phrase lists are promptfoo's; nothing of them is copied here.
 * Telemetry and update checks are switched off before it loads. Undefined when it is not installed.
 */
export async function promptfooIsRefusal(dir = process.env.PROMPTFOO_DIR): Promise<((response: string) => Promise<Verdict>) | undefined> {
  if (!dir) return undefined;
  process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
  process.env.PROMPTFOO_DISABLE_UPDATE = '1';
  const entry = join(dir, 'node_modules/promptfoo/dist/src/index.js');
  const mod = z
    .object({ assertions: z.object({ runAssertion: z.function() }) })
    .passthrough()
    .parse(await import(pathToFileURL(entry).href));
  const run = mod.assertions.runAssertion as (o: unknown) => Promise<{ pass: boolean }>;
  return async (response) => {
    const r = await run({ assertion: { type: 'is-refusal' }, test: {}, providerResponse: { output: response }, latencyMs: 1 });
    return r.pass ? 'refusal' : 'compliance';
  };
}
