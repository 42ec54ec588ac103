// Function words carry no topic; dropping them keeps "how do I kill a process" close to "kill process".
const STOP = new Set(
  `a an and are as at be by can could do does for from how i in is it me my of on or please should
  some that the this to was what when where which who why will with would you your our we i'm im i'd can't`.split(/\s+/),
);

const SPLIT = /[^\p{L}\p{N}']+/u;

/** Lower-cased word types of a text, minus function words, with a plural `s` folded away. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SPLIT)) {
    let w = raw.charCodeAt(0) === 39 || raw.charCodeAt(raw.length - 1) === 39 ? raw.replace(/^'+|'+$/g, '') : raw;
    if (w.length < 2 || STOP.has(w)) continue;
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    if (!out.includes(w)) out.push(w);
  }
  return out;
}
