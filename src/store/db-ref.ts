/** The local store when neither `--db` nor REFUSAL_DRILL_DB names another. */
export const DEFAULT_DB = '.refusal-drill/drill.db';

/** Where the store lives: `--db` wins, then REFUSAL_DRILL_DB, then the local SQLite default. */
export function resolveDbRef(o: { flag?: string; env: Record<string, string | undefined> }): string {
  const env = o.env.REFUSAL_DRILL_DB?.trim();
  if (o.flag !== undefined && o.flag !== DEFAULT_DB) return o.flag;
  return env ? env : (o.flag ?? DEFAULT_DB);
}

export function isPostgresUrl(ref: string): boolean {
  return /^postgres(ql)?:\/\//i.test(ref);
}

/** A URL fit for a message: its password masked. */
export function maskUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

export interface PostgresRef {
  /** The URL pg connects with (our own `schema` parameter removed). */
  connectionString: string;
  /** From `?schema=name`: lets several teams or test runs share one database. */
  schema: string | undefined;
  /** The URL with its password masked, for messages. */
  display: string;
}

export function parsePostgresRef(ref: string): PostgresRef {
  const url = new URL(ref);
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(schema)) {
    throw new Error(`schema "${schema}" in the Postgres URL must be letters, digits and "_"`);
  }
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  if (url.password) url.password = '***';
  return { connectionString, schema, display: url.toString() };
}
