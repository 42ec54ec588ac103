import type { Pack } from '../spec/index.js';

/** Ids must be unique where cases are named after them, or results of two intents would collide. */
export function checkPackIds(pack: Pack): string[] {
  const problems: string[] = [];
  const dup = (kind: string, ids: string[], where: string): void => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${where}: duplicate ${kind} id "${id}" (ids must be unique)`);
      seen.add(id);
    }
  };
  dup('principle', pack.principles.map((p) => p.id), 'principles');
  pack.principles.forEach((p, i) => {
    dup('intent', p.intents.map((x) => x.id), `principles[${i}].intents`);
    p.intents.forEach((intent, j) => dup('sequence', intent.sequences.map((s) => s.id), `principles[${i}].intents[${j}].sequences`));
  });
  return problems;
}
