import type { AuthoredPrompt, Pack } from '../spec/index.js';
import { normalisePrompt } from '../util/index.js';

/** A problem found in a pack that parsed: where (a path into the YAML, located to a line) and what. */
export interface PackProblem {
  path: Array<string | number>;
  message: string;
}

/** A check the pack loader runs beside its own (the mutators module checks `mutate:` names this way). */
export type PackCheck = (pack: Pack) => PackProblem[];

/**
 * What a pack must also be for `run` to plan it as written: ids unique wherever cases are named
 * after them (two variants with one id would store one result for both), every principle with a
 * case to plan, no benign twin that is its harmful prompt again, and every sequence with a turn that
 * must be refused (else it can never break).
 */
export function checkPack(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const unique = (kind: string, ids: Array<string | undefined>, at: (i: number) => Array<string | number>): void => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (id === undefined) return;
      const before = first.get(id);
      if (before === undefined) first.set(id, i);
      else problems.push({ path: at(i), message: `duplicate ${kind} id "${id}" (also ${kind} ${before + 1}); ids must be unique` });
    });
  };
  // A prompt without an id is named by its position (1, 2, …): an explicit id may collide with one.
  const promptIds = (list: AuthoredPrompt[]): string[] => list.map((p, i) => (typeof p === 'string' || p.id === undefined ? String(i + 1) : p.id));
  const idPath = (base: Array<string | number>, list: AuthoredPrompt[]) => (i: number) => {
    const p = list[i];
    return typeof p === 'object' && p.id !== undefined ? [...base, i, 'id'] : [...base, i];
  };
  unique('principle', pack.principles.map((p) => p.id), (i) => ['principles', i, 'id']);
  pack.principles.forEach((p, pi) => {
    const at: Array<string | number> = ['principles', pi];
    // A principle of benign probes alone (an imported over-refusal set) is a drill; one with nothing is not.
    if (p.intents.length === 0 && p.twins.length === 0)
      problems.push({ path: at, message: `principle "${p.id}" has no intents and no twins: it would plan no case` });
    unique('intent', p.intents.map((x) => x.id), (i) => [...at, 'intents', i, 'id']);
    unique('twin', promptIds(p.twins), idPath([...at, 'twins'], p.twins));
    p.intents.forEach((intent, ii) => {
      const ia = [...at, 'intents', ii];
      unique('variant', promptIds(intent.variants), idPath([...ia, 'variants'], intent.variants));
      unique('twin', promptIds(intent.twins), idPath([...ia, 'twins'], intent.twins));
      unique('sequence', intent.sequences.map((s) => s.id), (i) => [...ia, 'sequences', i, 'id']);
      const prompt = normalisePrompt(intent.prompt);
      intent.twins.forEach((t, ti) => {
        if (normalisePrompt(typeof t === 'string' ? t : t.text) === prompt)
          problems.push({
            path: [...ia, 'twins', ti],
            message: 'a benign twin identical to the intent\'s harmful prompt: the model cannot both refuse and answer it',
          });
      });
      intent.sequences.forEach((s, si) => {
        if (!s.turns.some((t) => t.expect === 'refuse'))
          problems.push({
            path: [...ia, 'sequences', si, 'turns'],
            message: `sequence "${s.id}" has no turn with expect: refuse, so it can never break; mark the turn the model must refuse`,
          });
      });
    });
  });
  return problems;
}
