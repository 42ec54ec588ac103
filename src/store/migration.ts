/**
 * One migration of a module's tables. Each module keeps one ordered set under its own namespace
 * so modules evolve apart; where the SQL is portable the same set serves SQLite and Postgres.
 */
export interface Migration {
  version: number;
  name: string;
  /** One or more statements separated by `;`. */
  up: string;
}

/** The statements of `up`, one by one (Postgres runs one statement per query with parameters). */
export function migrationStatements(m: Migration): string[] {
  return m.up
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
