const TO_LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const FROM_LEET: Record<string, string> = Object.fromEntries(Object.entries(TO_LEET).map(([k, v]) => [v, k]));

/**
 * Basic leetspeak on lower-case letters. Digits already in the text would be read back as
 * letters, so the round trip holds for text without the digits 0, 1, 3, 4, 5 and 7 (`leetSafe`).
 */
export function encodeLeetspeak(text: string): string {
  return text.replace(/[aeiost]/g, (c) => TO_LEET[c] ?? c);
}

export function decodeLeetspeak(encoded: string): string {
  return encoded.replace(/[013457]/g, (c) => FROM_LEET[c] ?? c);
}

export function leetSafe(text: string): boolean {
  return !/[013457]/.test(text);
}
