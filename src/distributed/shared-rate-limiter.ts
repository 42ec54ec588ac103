import { sql, type Kysely } from 'kysely';
import { abortableSleep } from '../targets/index.js';
import type { Target } from '../spec/index.js';
import type { DistTables } from './dist-tables.js';

export interface SlotGrant {
  /** Epoch ms (database clock) at which this request may leave. */
  slotMs: number;
  /** How long the caller waits for it. */
  waitMs: number;
}

/**
 * A requests-per-minute limit shared by every worker on every machine: one row per target holds
 * the next free slot, and one atomic UPDATE … RETURNING hands out slots spaced 60 000 / rpm ms
 * apart on the database's clock, so no two processes ever get the same slot.
 */
export function createSharedRateLimiter(db: Kysely<DistTables>) {
  const reserve = async (targetId: string, rpm: number): Promise<SlotGrant> => {
    const interval = 60_000 / rpm;
    await db
      .insertInto('rate_slots')
      .values({ target_id: targetId, next_ms: 0 })
      .onConflict((oc) => oc.column('target_id').doNothing())
      .execute();
    const now = sql<number>`(extract(epoch from clock_timestamp()) * 1000)`;
    const { rows } = await sql<{ slot_ms: number | string; now_ms: number | string }>`
      UPDATE rate_slots SET next_ms = GREATEST(next_ms, ${now}) + ${interval}
      WHERE target_id = ${targetId}
      RETURNING next_ms - ${interval} AS slot_ms, ${now} AS now_ms`.execute(db);
    const row = rows[0];
    if (!row) throw new Error(`rate slot for ${targetId} vanished`);
    const slotMs = Number(row.slot_ms);
    return { slotMs, waitMs: Math.max(0, slotMs - Number(row.now_ms)) };
  };
  return {
    reserve,
    async take(targetId: string, rpm: number, signal?: AbortSignal): Promise<SlotGrant> {
      const grant = await reserve(targetId, rpm);
      await abortableSleep(grant.waitMs, signal);
      return grant;
    },
  };
}

export type SharedRateLimiter = ReturnType<typeof createSharedRateLimiter>;

/** Every request of the target waits for a shared slot first (per request, retries are the target's own). */
export function withSharedRateLimit(target: Target, o: { limiter: SharedRateLimiter; rpm: number; key?: string }): Target {
  return {
    id: target.id,
    async generate(request, options) {
      await o.limiter.take(o.key ?? target.id, o.rpm, options?.signal);
      return target.generate(request, options);
    },
    close: target.close ? () => target.close?.() ?? Promise.resolve() : undefined,
  };
}
