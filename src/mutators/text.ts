/** Small text helpers shared by the rule-based families. */

/** The prompt as a clause to embed after "could you …": first letter lowered (unless "I" or an acronym), end punctuation dropped. */
export function asClause(prompt: string): string {
  const t = prompt
    .trim()
    .replace(/[.!?]+$/u, '')
    .trim();
  return lowerFirst(t);
}

export function lowerFirst(text: string): string {
  const [first = '', second = ''] = Array.from(text);
  if (first === 'I' && (second === '' || second === ' ' || second === "'")) return text;
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(first.length);
}

export function upperFirst(text: string): string {
  const first = Array.from(text)[0] ?? '';
  return first.toUpperCase() + text.slice(first.length);
}

/** Fills `{prompt}` (verbatim, trimmed) and `{request}` (as a clause) and any extra named slots. */
export function fillTemplate(template: string, prompt: string, extra: Record<string, string> = {}): string {
  const slots: Record<string, string> = { prompt: prompt.trim(), request: asClause(prompt), ...extra };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

/** Word tokens with their offsets; letters, digits, inner apostrophes and hyphens. */
export function wordsOf(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu))
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Collapses the whitespace and stray spaces before punctuation that removing a word leaves behind. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .replace(/^ +| +$/gm, '')
    .trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether two prompts are the same up to case and whitespace: such a "mutation" changed nothing. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
