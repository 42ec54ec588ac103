import { expect, it } from 'vitest';
import { DEFAULT_DB, isPostgresUrl, parsePostgresRef, resolveDbRef } from './db-ref.js';

it('--db wins over REFUSAL_DRILL_DB, which wins over the SQLite default', () => {
  const env = { REFUSAL_DRILL_DB: 'postgres://a@h/db' };
  expect(resolveDbRef({ flag: 'x.db', env })).toBe('x.db');
  expect(resolveDbRef({ flag: DEFAULT_DB, env })).toBe('postgres://a@h/db');
  expect(resolveDbRef({ flag: undefined, env })).toBe('postgres://a@h/db');
  expect(resolveDbRef({ flag: DEFAULT_DB, env: {} })).toBe(DEFAULT_DB);
  expect(resolveDbRef({ flag: DEFAULT_DB, env: { REFUSAL_DRILL_DB: '  ' } })).toBe(DEFAULT_DB);
});

it('recognises Postgres URLs, takes ?schema= out for pg and masks the password', () => {
  expect(isPostgresUrl('postgresql://h/db')).toBe(true);
  expect(isPostgresUrl('./postgres.db')).toBe(false);
  const ref = parsePostgresRef('postgres://u:s3cret@h:5433/db?schema=team_a&sslmode=require');
  expect(ref.schema).toBe('team_a');
  expect(ref.connectionString).toBe('postgres://u:s3cret@h:5433/db?sslmode=require');
  expect(ref.display).not.toContain('s3cret');
  expect(() => parsePostgresRef('postgres://h/db?schema=a;drop')).toThrow(/letters, digits/);
});
