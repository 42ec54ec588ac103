import { TargetError, type Target } from '../spec/index.js';
import { attackerLexicon } from './lexicon.js';
import { sameText } from './text.js';
import type { AttackerAsk } from './types.js';

export type AttackerRewrite = { ok: true; text: string } | { ok: false; reason: string };

/** Strips what models wrap around a rewrite: surrounding whitespace and one pair of quotes. */
function clean(text: string): string {
  const t = text.trim();
  const m = /^(["“'`])([\s\S]*)(["”'`])$/.exec(t);
  return (m ? (m[2] ?? '') : t).trim();
}

/**
 * Asks the attacker for one rewrite with a fixed instruction, temperature 0 and the run's seed, so
 * the request is identical every time and the response cache answers repeats. An empty, unchanged
 * or declined rewrite is reported, never used: it would drill the original prompt under a new name.
 */
export async function askAttacker(o: {
  attacker: Target;
  ask: AttackerAsk;
  prompt: string;
  seed: number;
  signal?: AbortSignal;
}): Promise<AttackerRewrite> {
  let raw: string;
  try {
    const response = await o.attacker.generate(
      {
        messages: [
          { role: 'system', content: o.ask.instruction },
          { role: 'user', content: o.prompt },
        ],
        temperature: 0,
        seed: o.seed,
      },
      { signal: o.signal },
    );
    raw = response.text;
  } catch (e) {
    if (!TargetError.isInstance(e) || e.kind === 'cancelled') throw e;
    return { ok: false, reason: `the attacker failed (${e.kind}: ${e.message})` };
  }
  const text = clean(raw);
  if (text === '') return { ok: false, reason: 'the attacker returned an empty rewrite' };
  if (sameText(text, o.prompt)) return { ok: false, reason: 'the attacker returned the prompt unchanged' };
  const opening = text.toLowerCase().replace(/’/g, "'");
  if (attackerLexicon.refusalOpenings.some((r) => opening.startsWith(r)))
    return { ok: false, reason: 'the attacker declined to rewrite the prompt' };
  return { ok: true, text };
}
