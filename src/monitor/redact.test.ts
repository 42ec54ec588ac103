import { describe, expect, it } from 'vitest';
import { luhnValid, redact, type RedactCounts } from './redact.js';

describe('redact', () => {
  it('masks emails, phone numbers, IPv4/IPv6 addresses, SSN-like ids and Luhn-valid card numbers', () => {
    const counts: RedactCounts = { email: 0, card: 0, ip: 0, phone: 0, id: 0 };
    const text =
      'Mail jane.doe+work@example.co.uk or call +1 (555) 123-4567 / 020 7946 0958. ' +
      'Card 4111 1111 1111 1111, host 192.168.10.20 and 2001:db8::8a2e:370:7334, SSN 123-45-6789.';
    const out = redact(text, counts);
    expect(out).toBe('Mail [EMAIL] or call [PHONE] / [PHONE]. Card [CARD], host [IP] and [IP], SSN [ID].');
    expect(counts).toEqual({ email: 1, card: 1, ip: 2, phone: 2, id: 1 });
  });

  it('leaves numbers that are not identifiers: dates, times, small counts, C++ scopes and digit runs failing Luhn', () => {
    const text = 'On 2024-01-15 at 12:30:45 we saw 1000 users, std::vector sizes of 12345, and order 4111 1111 1111 1112.';
    expect(redact(text)).toBe(text);
  });

  it('checks card numbers with the Luhn checksum', () => {
    expect(luhnValid('4539 1488 0343 6467')).toBe(true);
    expect(luhnValid('4539 1488 0343 6468')).toBe(false);
    expect(luhnValid('12345')).toBe(false);
  });
});
