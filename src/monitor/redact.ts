/**
 * Masks personal identifiers before anything is stored. Order matters: emails and cards first,
 * because both contain runs that would otherwise read as phone numbers or IPs.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CARD = /(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.])/g;
const IPV4 = /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w.])/g;
const IPV6 = /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![\w:])/gi;
const SSN = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g;
const PHONE = /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?![\w])/g;
// Cheap pre-checks so the common record (no digits, no @) costs one scan.
const HAS_DIGIT = /\d/;

export interface RedactCounts {
  email: number;
  card: number;
  ip: number;
  phone: number;
  id: number;
}

export function redact(text: string, counts?: RedactCounts): string {
  const mask = (kind: keyof RedactCounts, label: string): string => {
    if (counts) counts[kind] += 1;
    return label;
  };
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, () => mask('email', '[EMAIL]'));
  if (HAS_DIGIT.test(out)) {
    out = out.replace(CARD, (m) => (luhnValid(m) ? mask('card', '[CARD]') : m));
    out = out.replace(IPV4, () => mask('ip', '[IP]'));
    out = out.replace(SSN, () => mask('id', '[ID]'));
    out = out.replace(PHONE, (m) => (isPhoneLike(m) ? mask('phone', '[PHONE]') : m));
    if (out.includes(':')) out = out.replace(IPV6, (m) => (isIpv6Like(m) ? mask('ip', '[IP]') : m));
  }
  return out;
}

/** The Luhn checksum every payment card number satisfies; random digit runs fail it 9 times in 10. */
export function luhnValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 7 to 15 digits (E.164), and not a date or a time such as 2024-01-15 or 12.30.45. */
function isPhoneLike(m: string): boolean {
  const digits = m.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(m) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(m)) return false;
  return true;
}

/** Rejects C++-style `a::b` and clock times: a real address has a digit and at least three groups or `::`. */
function isIpv6Like(m: string): boolean {
  if (!/\d/.test(m)) return false;
  return m.split(':').filter(Boolean).length >= 2;
}
