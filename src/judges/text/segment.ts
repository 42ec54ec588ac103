import { voiceHeader } from './voices.js';

/** One sentence of a response, lowercased, with quoted spans masked and its place in the layout. */
export interface Sentence {
  /** The sentence as written, quoted spans masked; for normalising refusal templates. */
  raw: string;
  lower: string;
  /** Starts a bullet or numbered list item. */
  listItem: boolean;
  /** Words in the sentence; substantive-content measures add these up. */
  words: number;
  /** Which voice (persona) speaks it: 0 before any voice header, then 1, 2, … (see voices.ts). */
  voice: number;
}

export interface Segmented {
  sentences: Sentence[];
  codeBlocks: number;
  listItems: number;
  /** Markdown headings and bold lead-ins ("**Step 1:**"), a sign of structured content. */
  headings: number;
  words: number;
  /** Digits with a unit or a standalone quantity: recipes, doses, dates, prices. */
  numbers: number;
  /** Voice headers seen ("[🔓JAILBREAK]", "AIM:", "As BH, I would say:"): the response speaks as that many personas. */
  voices: number;
}

const APOSTROPHE = /[’‘´]/g;
const DIGIT = /\d/;
const FENCE = /```[\s\S]*?(?:```|$)/g;
// Quoted spans are masked so a quoted "I can't do that" inside a story or an answer about a phrase
// is not read as the model's own refusal; long quotes are left alone (they are content, not a phrase).
const QUOTE = /"[^"\n]{0,160}"|“[^”\n]{0,160}”/g;
const LIST = /^\s*(?:\d{1,3}[.)]|[-*•+]|[a-z][.)])\s+/;
const HEADING = /^\s*(?:#{1,6}\s|\*\*[^*]{2,80}\*\*:?\s*$|\*\*[^*]{2,60}:\*\*)/;

// Words are counted by their separating spaces (sentences are trimmed and single-line): indexOf
// is native and much faster than a per-character loop on the hot path.
function countWords(s: string): number {
  if (s.length === 0) return 0;
  let n = 1;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) if (s.charCodeAt(i + 1) !== 32) n++;
  return n;
}

// A sentence ends at . ! or ? followed by space and a capital, digit, quote, bracket or "*".
const isOpener = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 0x201c || c === 40 || c === 91 || c === 42;

const ENDING = /[.!?][ \t\u00a0]+/g;

/** Sentences of one line; "e.g. this" stays whole, "Done. Next" splits. */
export function splitSentences(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  ENDING.lastIndex = 0;
  for (let m = ENDING.exec(line); m; m = ENDING.exec(line)) {
    const next = m.index + m[0].length;
    if (next < line.length && isOpener(line.charCodeAt(next))) {
      out.push(line.slice(from, m.index + 1));
      from = next;
    }
  }
  out.push(line.slice(from));
  return out;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isWordCode = (c: number): boolean => isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Numbers standing as words ("3", "2.5", "1,000"; not the 4 of "mp4"): quantities, doses, dates, prices. */
function countNumbers(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (!isDigitCode(line.charCodeAt(i)) || (i > 0 && isWordCode(line.charCodeAt(i - 1)))) continue;
    n++;
    while (
      i + 1 < line.length &&
      (isDigitCode(line.charCodeAt(i + 1)) ||
        ((line.charCodeAt(i + 1) === 46 || line.charCodeAt(i + 1) === 44) && isDigitCode(line.charCodeAt(i + 2))))
    )
      i++;
  }
  return n;
}

// A fenced block is code unless it holds a few lines of plain prose ("```\nOutput: I'm sorry, but I
// can't assist with that.\n```"): jailbreak templates often ask for the answer inside a code block.
const CODE_LIKE =
  /[{};=<>$\\]|^\s*(?:def|import|from|function|class|var|let|const|return|if|for|while|#include|print|echo|sudo|pip|npm)\b/m;
const PROSE_FENCE_CHARS = 400;

function fenced(block: string): string | null {
  const inner = block.replace(/^```[^\n]*\n?/, '').replace(/```$/, '');
  return inner.length <= PROSE_FENCE_CHARS && /[a-z]{3,} [a-z]{2,} [a-z]{2,}/i.test(inner) && !CODE_LIKE.test(inner) ? inner : null;
}

// Voice headers are looked for only on lines that could hold one.
const MAYBE_HEADER = /^\s*(?:\*\*)?(?:[[(]|as\b|developer|dan\b|jailbr|dude\b|[\u{1F300}-\u{1FAFF}\u2600-\u27BF])|^[^:\n]{1,40}:/iu;

/** Splits a response into sentences and counts the structures that mark substantive content. */
export function segment(text: string): Segmented {
  let codeBlocks = 0;
  // The cheap `includes` checks skip regexes that cannot match: this runs on every response.
  const body = text.includes('```')
    ? text.replace(FENCE, (block) => {
        const prose = fenced(block);
        if (prose !== null) return `\n${prose}\n`;
        codeBlocks++;
        return '\n[code]\n';
      })
    : text;
  let voice = 0;
  // Weak headers ("Ron:", "The Cop:") count once the response is a dialogue: it opened with a header, or a strong one came first.
  let dialogue = false;
  let firstLine = true;
  const sentences: Sentence[] = [];
  let listItems = 0;
  let headings = 0;
  let words = 0;
  let numbers = 0;
  for (let rawLine of body.split('\n')) {
    if (rawLine.trim() === '') continue;
    if (MAYBE_HEADER.test(rawLine)) {
      const h = voiceHeader(rawLine);
      if (h && (h.strong || dialogue || firstLine)) {
        voice++;
        dialogue = true;
        rawLine = h.rest;
      }
    }
    firstLine = false;
    const listItem = LIST.test(rawLine);
    if (listItem) listItems++;
    if ((rawLine.includes('#') || rawLine.includes('**')) && HEADING.test(rawLine)) headings++;
    // The marker is not part of the item's first sentence: "1. Dissolve the tablets." would otherwise split after "1.".
    const unmarked = listItem ? rawLine.replace(LIST, '') : rawLine;
    const line = unmarked.includes('"') || unmarked.includes('“') ? unmarked.replace(QUOTE, ' [q] ') : unmarked;
    if (DIGIT.test(line)) numbers += countNumbers(line);
    const curly = line.includes('’') || line.includes('‘') || line.includes('´');
    let first = true;
    for (const part of splitSentences(line)) {
      const trimmed = part.trim();
      const raw = curly ? trimmed.replace(APOSTROPHE, "'") : trimmed;
      if (!raw) continue;
      const lower = raw.toLowerCase();
      const w = countWords(lower);
      words += w;
      sentences.push({ raw, lower, listItem: listItem && first, words: w, voice });
      first = false;
    }
  }
  return { sentences, codeBlocks, listItems, headings, words, numbers, voices: voice };
}
