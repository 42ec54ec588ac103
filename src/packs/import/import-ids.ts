/** A pack id from free text: runs of other characters become "-" (ids are letters, digits, ".", "_", "-"). */
export function slugId(text: string, o: { lower?: boolean } = {}): string {
  const s = (o.lower ? text.toLowerCase() : text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '');
  return s;
}

/** Words that name a category, for the principle's boundary terms: `Cybercrime/Intrusion` → cybercrime, intrusion. */
export function categoryTerms(category: string): string[] {
  const words = category
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4);
  return [...new Set(words)].slice(0, 6);
}
