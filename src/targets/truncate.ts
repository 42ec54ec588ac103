/** Keeps server text in error messages readable: bodies can be whole HTML pages. */
export function short(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
