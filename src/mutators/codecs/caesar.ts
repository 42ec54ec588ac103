/** Shifts ASCII letters only, keeping case; everything else passes through, so decode(encode(x)) = x. */
export function encodeCaesar(text: string, shift: number): string {
  const k = ((shift % 26) + 26) % 26;
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + k) % 26) + base);
  });
}

export function decodeCaesar(encoded: string, shift: number): string {
  return encodeCaesar(encoded, -shift);
}
