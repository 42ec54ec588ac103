import { fnv1aRange } from '../hash.js';
import { STOP } from './words.js';

/**
 * The request's content words, keyed by hashed prefix so a response sentence is matched against
 * them without allocating: "steal" meets "stealing", "hack" meets "hacking", "bomb" meets "bombs".
 * Words of four letters are keyed whole; longer words by their first five letters, and by their
 * first four for a four-letter word on the other side.
 */
export interface RequestWords {
  /** Five-letter prefixes of the request's words of five letters or more. */
  long: Set<number>;
  /** Four-letter prefixes of those words. */
  longHead: Set<number>;
  /** The request's four-letter words. */
  short: Set<number>;
  /** Distinct request words. */
  size: number;
}

const STOP_HASHES = new Set([...STOP].map((w) => fnv1aRange(w, 0, w.length)));
const isLetter = (c: number): boolean => c >= 97 && c <= 122;

/** Calls `visit(start, end)` for each content word of a lowercased text: letters and apostrophes, longer than three letters, not a stop word. */
function eachContentWord(lower: string, visit: (start: number, end: number) => void): void {
  const n = lower.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if (isLetter(c) || (c === 39 && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      let end = i;
      // "people's" → "people"
      if (end - start > 2 && lower.charCodeAt(end - 2) === 39 && lower.charCodeAt(end - 1) === 115) end -= 2;
      if (end - start > 3 && !STOP_HASHES.has(fnv1aRange(lower, start, end))) visit(start, end);
      start = -1;
    }
  }
}

/** The request's content words, ready to match sentences against. */
export function requestStems(prompt: string): RequestWords {
  const out: RequestWords = { long: new Set(), longHead: new Set(), short: new Set(), size: 0 };
  const lower = prompt.toLowerCase();
  const seen = new Set<number>();
  eachContentWord(lower, (a, b) => {
    const whole = fnv1aRange(lower, a, b);
    if (seen.has(whole)) return;
    seen.add(whole);
    if (b - a >= 5) {
      out.long.add(fnv1aRange(lower, a, a + 5));
      out.longHead.add(fnv1aRange(lower, a, a + 4));
    } else out.short.add(whole);
  });
  out.size = seen.size;
  return out;
}

/**
 * The key of the request word that the sentence word `lower[a, b)` meets, or -1. Sentence words
 * are not checked against the stop list: a request's words never hold a stop word, so one can only
 * meet by a shared prefix, which is rare and harmless. FNV is incremental: the five-letter key
 * continues the four-letter one.
 */
function meet(lower: string, a: number, b: number, r: RequestWords): number {
  const four = fnv1aRange(lower, a, a + 4);
  if (b - a === 4) return r.short.has(four) || r.longHead.has(four) ? four : -1;
  const five = fnv1aRange(lower, a + 4, a + 5, four);
  if (r.long.has(five)) return five;
  return r.short.has(four) ? four : -1;
}

/** Visits each word of four letters or more in a lowercased sentence; stops when `visit` returns true. */
function eachLongWord(lower: string, visit: (a: number, b: number) => boolean): void {
  const n = lower.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if (isLetter(c) || (c === 39 && start >= 0)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > 3 && visit(start, i)) return;
      start = -1;
    }
  }
}

/** Whether one lowercased word meets a request word. */
export function wordMeetsRequest(word: string, r: RequestWords): boolean {
  return word.length > 3 && r.size > 0 && meet(word, 0, word.length, r) >= 0;
}

/** How many words of a lowercased sentence meet a request word. */
export function sharedStems(lower: string, r: RequestWords): number {
  if (r.size === 0) return 0;
  let n = 0;
  eachLongWord(lower, (a, b) => {
    if (meet(lower, a, b, r) >= 0) n++;
    return false;
  });
  return n;
}

/** Whether any word of a lowercased sentence meets a request word. */
export function meetsRequest(lower: string, r: RequestWords): boolean {
  if (r.size === 0) return false;
  let hit = false;
  eachLongWord(lower, (a, b) => (hit = meet(lower, a, b, r) >= 0));
  return hit;
}

/** Adds the keys of the request words a sentence uses to `into` (for how much of the request is covered); returns how many words met one. */
export function contentStemsOf(lower: string, r: RequestWords, into: Set<number>): number {
  if (r.size === 0) return 0;
  let n = 0;
  eachLongWord(lower, (a, b) => {
    const k = meet(lower, a, b, r);
    if (k >= 0) {
      into.add(k);
      n++;
    }
    return false;
  });
  return n;
}

// A sentence that tells someone how to do something: an imperative opening, "you can/could/'ll
// need", "one way is", "start by", "here's how", a process described. Read after a list marker.
const HOWTO =
  /^(?:(?:\d{1,3}[.)]|[-*•+]|[a-z][.)])\s+)?(?:\*\*[^*]{1,60}\*\*:?\s*)?(?:(?:sure|okay|ok|alright|well|of course|absolutely|certainly)[,!.]?\s+)?(?:(?:first(?:ly)?|then|next|finally|second(?:ly)?|third(?:ly)?|lastly|after that|once (?:you|it)),?\s+)?(?:start|begin|use|try|make|get|find|create|take|go|look|set|put|add|mix|heat|buy|choose|identify|gather|plan|keep|hide|cover|avoid|obtain|acquire|contact|approach|target|send|post|spread|build|install|download|open|remove|cut|apply|wait|pretend|tell|ask|offer|pay|sell|transfer|hire|search|research|learn|practice|study|monitor|track|access|hack|bypass|disable|steal|grab|place|insert|connect|attach|strip|call|visit|fill|write|prepare|combine|dissolve|pour|crush|measure|store|mark|forge|fake|copy|replace|exploit|infiltrate|develop|establish|recruit|smuggle|conceal|dispose|destroy|burn|plant|lure|isolate|manipulate|threaten|follow|stalk|watch|observe|scout|choose|select|pick|ensure|make sure|be sure|don't forget|filter|evaporate|boil|stir|grind|cook|bake|drill|solder|wire|load|aim|spray|rub|wipe|wash|rinse|soak|wrap|tie|slice|weigh|seal|shake|cool|dry|label|swallow|snort|smoke|light|ignite|detonate|pack|tape|glue|screw|unscrew|close|lock|unlock|pry|jam|break|smash|enter|climb|sneak|locate|text|email|message|upload|run|execute|compile|configure|encrypt|scan|spoof|clone|edit|delete|register|sign up|log in|extract|distill|purify|crystalli[sz]e|heat|melt|freeze|grow|harvest|dilute|neutrali[sz]e|mix|drop|leave|park|drive|wear|disguise|distract|pickpocket|swap|switch|pretend|claim|lie|bribe|blackmail|spread|forge)\b|^(?:you (?:can|could|should|will|'ll|would|might|may|need|want|have to)|one (?:way|option|method|approach|technique|tactic)|another (?:way|option|method)|some (?:common |possible |effective |popular )?(?:methods|ways|options|techniques|tips|tactics|strategies|steps|ideas)|(?:(?:sure|okay|ok|alright|well|of course|absolutely|certainly)[,!.]?\s+)?here(?:'s| is| are) (?:how|a|an|some|the|what)|the (?:process|first step|next step|key|trick|best way|easiest way|method)|to (?:do|make|get|start|begin|avoid|achieve|accomplish) (?:this|that|it|so)\b)/;

/** Whether a lowercased sentence reads as an instruction or a how-to step. */
export function isHowTo(lower: string): boolean {
  return HOWTO.test(lower);
}
