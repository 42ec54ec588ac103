import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('every test docs/security.md names as holding a promise exists', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8');
  const named = [...new Set([...doc.matchAll(/`((?:src|test)\/[\w./-]+\.ts)`/g)].map((m) => m[1] ?? ''))];
  expect(named.length).toBeGreaterThan(15);
  expect(named.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
});
