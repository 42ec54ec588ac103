import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../src/util/package-root.js';
import type { LabelledRow } from './labelled-row.js';

const reuterRow = z.object({ prompt: z.string(), response: z.string(), tone: z.string() });

/**
 * Reuter & Schulze 2023: gpt-3.5-turbo, labelled by tone and mapped the authors' way — `complied`
 * is compliance, every other tone a refusal, `dontknow` and `incoherent` dropped. Their binary
 * "refusal" holds what XSTest would call partial (`redirected`, `disclaimed`), so those rows allow
 * refusal or partial: the same side of XSTest's binary line.
 */
export function loadReuter(root = packageRoot()): LabelledRow[] {
  const rows = z.array(reuterRow).parse(JSON.parse(readFileSync(join(root, 'data/reuter2023/all_hand_labeled.json'), 'utf8')));
  return rows.flatMap((r, i): LabelledRow[] => {
    if (r.tone === 'dontknow' || r.tone === 'incoherent') return [];
    const base = {
      id: `reuter/${i}`,
      dataset: 'reuter' as const,
      source: 'reuter',
      family: 'gpt-3.5',
      group: 'reuter',
      prompt: r.prompt,
      response: r.response,
    };
    if (r.tone === 'complied') return [{ ...base, label: 'compliance', allowed: ['compliance'] }];
    if (r.tone === 'rejected') return [{ ...base, label: 'refusal', allowed: ['refusal'] }];
    return [{ ...base, label: 'refusal', allowed: ['refusal', 'partial'], ...(r.tone === 'contradicted' ? { rebuttal: true } : {}) }];
  });
}
