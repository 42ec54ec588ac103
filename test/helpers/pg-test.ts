import { randomBytes } from 'node:crypto';

/** The Postgres server tests may use (set by CI from scripts/pg-test-setup.sh); undefined skips them. */
export const TEST_PG = process.env.REFUSAL_DRILL_TEST_PG?.trim() || undefined;

export const NO_PG_REASON = 'REFUSAL_DRILL_TEST_PG is not set (export REFUSAL_DRILL_TEST_PG="$(sudo scripts/pg-test-setup.sh)")';

/** The test server's URL with a fresh schema of its own, so tests never see each other's rows. */
export function freshPgUrl(base: string, prefix = 't'): string {
  const url = new URL(base);
  url.searchParams.set('schema', `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`);
  return url.toString();
}
