import { z } from 'zod';
import attackerJson from './lexicon/attacker.json' with { type: 'json' };
import encodingJson from './lexicon/encoding-instructions.json' with { type: 'json' };
import euphemismJson from './lexicon/euphemisms.json' with { type: 'json' };
import fillerJson from './lexicon/filler.json' with { type: 'json' };
import languagesJson from './lexicon/languages.json' with { type: 'json' };
import synonymJson from './lexicon/neutral-synonyms.json' with { type: 'json' };
import participleJson from './lexicon/participles.json' with { type: 'json' };
import stopwordJson from './lexicon/stopwords.json' with { type: 'json' };
import templateJson from './lexicon/templates.json' with { type: 'json' };

// The word lists live in JSON so they can be reviewed and extended without touching code;
// they are validated once at load so a bad edit fails loudly rather than weakening a drill.
const words = z.array(z.string().min(1));
const wordMap = z.record(z.string().min(1), z.string().min(1));

export const templates = z.record(z.string(), z.record(z.string(), z.string().includes('{'))).parse(templateJson);
export const encodingInstructions = z.record(z.string(), words).parse(encodingJson);
export const euphemisms = z
  .object({ entries: z.array(z.object({ phrase: z.string().min(1), alternatives: words.min(1) })) })
  .parse(euphemismJson).entries;
export const fillerParagraphs = z.object({ paragraphs: words.min(3) }).parse(fillerJson).paragraphs;
export const languages = z
  .object({ languages: z.array(z.object({ code: z.string().min(2), name: z.string().min(1) })).min(5) })
  .parse(languagesJson).languages;
export const neutralSynonyms = z.object({ synonyms: wordMap }).parse(synonymJson).synonyms;
const verbs = z.object({ participles: wordMap, otherImperatives: words }).parse(participleJson);
export const participles = verbs.participles;
/** Verbs that open an imperative request, with or without a passive form. */
export const imperativeVerbs = new Set([...Object.keys(verbs.participles), ...verbs.otherImperatives]);
export const stopwords = new Set(z.object({ words }).parse(stopwordJson).words);
export const attackerLexicon = z
  .object({ instructions: z.record(z.string(), z.string().min(1)), refusalOpenings: words })
  .parse(attackerJson);

export function templatesOf(family: string): Record<string, string> {
  const t = templates[family];
  if (!t || Object.keys(t).length === 0) throw new Error(`no templates for mutator family "${family}" in lexicon/templates.json`);
  return t;
}
