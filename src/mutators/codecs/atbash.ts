/** Mirrors the ASCII alphabet (A↔Z), keeping case. Its own inverse. */
export function encodeAtbash(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
  });
}

export const decodeAtbash = encodeAtbash;
