import { UsageError } from '../spec/index.js';

const UNIT: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `hour`, `day`, or a count and unit (`15m`, `6h`, `7d`), to milliseconds. Windows align to UTC. */
export function parseWindowSize(spec: string): number {
  if (spec === 'hour') return UNIT.h as number;
  if (spec === 'day') return UNIT.d as number;
  const m = /^(\d+)([mhd])$/.exec(spec);
  const n = m ? Number(m[1]) : 0;
  if (!m || n <= 0) throw new UsageError(`--window expects hour, day or a length such as 15m, 6h, 7d; got "${spec}"`);
  const ms = n * (UNIT[m[2] as string] as number);
  if (ms < UNIT.m! * 5) throw new UsageError(`--window must be at least 5m, got "${spec}"`);
  return ms;
}
