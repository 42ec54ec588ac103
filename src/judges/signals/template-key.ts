import { isRefusalSentence } from '../text/analyse.js';
import { wordMeetsRequest } from '../text/toward.js';
import { declined, type SignalContext } from './signal-context.js';

// The refusal sentences kept; more would fold the case-specific explanation into the template.
const MAX_SENTENCES = 2;
const GLUE = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'for',
  'with',
  'on',
  'in',
  'at',
  'my',
  'your',
  'their',
  'his',
  'her',
  'some',
  'and',
  'or',
]);
// Words refusals use whatever was asked: a request that says "help me write…" does not make "I
// can't help you write that" a different template.
const TEMPLATE_WORDS = new Set(
  'help helping assist assistance provide providing information request requests create creating write writing generate generating produce give share support engage answer answers respond fulfill fulfil comply content advice guidance instructions details explain describe discuss offer tell know illegal harmful unethical dangerous activities activity legal ethical inappropriate appropriate behavior behaviour actions action questions question topic topics anything something sorry unable able cannot'.split(
    ' ',
  ),
);
const NUMBER = /\d+(?:[.,:]\d+)*/g;
// Capitalised words inside a sentence (names, places, products) — not the first word of the next
// sentence when two refusal sentences are joined ("… others. It is not appropriate").
const HAS_INNER_CAPITAL = /\s[A-Z]/;
const ENTITY = /(?<=[^\s.!?]\s+)(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)*/g;

/**
 * A normalised form of the refusal that script-index clustering groups on: the refusal
 * sentence(s) only, lowercased, with numbers, quoted spans, named entities and the request's
 * own words replaced by placeholders, so "I can't help you build a pipe bomb" and "I can't help
 * you make meth" fall into one template. Empty when the response did not decline.
 */
export function templateKeySignal({ input, verdict, a }: SignalContext): string {
  if (!declined(verdict)) return '';
  const picked: string[] = [];
  for (let i = 0; i < a.cues.length && picked.length < MAX_SENTENCES; i++) {
    if (isRefusalSentence(a.cues[i]!, i, i > 0 ? a.cues[i - 1]! : 0, i > 0 ? a.seg.sentences[i - 1]!.words : 0))
      picked.push(a.seg.sentences[i]!.raw);
  }
  if (picked.length === 0 && a.seg.sentences.length > 0) picked.push(a.seg.sentences[0]!.raw);
  void input;
  const joined = picked.join(' ').replace(/\bI\b/g, 'i');
  // Most refusals name nobody: the look-behind pattern runs only when a capital follows a space.
  const text = (HAS_INNER_CAPITAL.test(joined) ? joined.replace(ENTITY, ' <e> ') : joined)
    .toLowerCase()
    .replace(/\[q\]/g, ' <q> ')
    .replace(NUMBER, ' <n> ');
  const words = text.split(/[^a-z'<>]+/).filter(Boolean);
  const fromRequest = words.map((w) => wordMeetsRequest(w, a.request));
  // A run of request words and the little words between them is one slot ("build a pipe bomb" →
  // <x>), but only a run that holds a word a refusal would not use anyway: "I can't help with
  // that" keeps its "help" when the request said "help me…", so one model's one sentence is one
  // template whatever the prompts were.
  const masked = words.map(() => false);
  for (let i = 0; i < words.length;) {
    if (!fromRequest[i]) {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    let specific = false;
    while (j < words.length && (fromRequest[j] || GLUE.has(words[j]!))) {
      if (fromRequest[j]) {
        last = j;
        if (!TEMPLATE_WORDS.has(words[j]!)) specific = true;
      }
      j++;
    }
    if (specific) for (let k = i; k <= last; k++) masked[k] = true;
    i = last + 1;
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = masked[i] ? '<x>' : words[i]!;
    if (w.startsWith('<') && out.at(-1) === w) continue;
    out.push(w);
  }
  return out.join(' ');
}
