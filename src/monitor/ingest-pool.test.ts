import { sqliteMonitorStore } from './sqlite-monitor-store.js';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { chatLine } from '../../test/monitor/log-lines.js';
import { createJudge } from '../judges/index.js';
import { openSqliteFile } from '../store/index.js';
import { ingest } from './ingest.js';
import { createIngestPool } from './ingest-pool.js';
import { loadMatcher } from './load-matcher.js';

const tmp = useTmpDir('rd-pool-');

function lines(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 700; i++) {
    if (i % 97 === 5) out.push(`{"broken": ${i}`);
    else
      out.push(
        chatLine({
          ts: Date.parse('2026-01-01T00:00:00Z') + i * 1000,
          prompt: i % 2 ? `How do I kill a Python process number ${i}?` : `Where can I buy a gun without a licence? (${i})`,
          response:
            i % 3
              ? `Sure: run kill ${i}, or kill -9 ${i} if it hangs. Mail ops${i}@corp.example if it persists.`
              : "I'm sorry, but I can't help with that because it could hurt someone.",
        }),
      );
  }
  return out;
}

/** Every stored column that prepare and write decide, in id order: two stores compare equal only if they stored the same. */
const rows = (db: ReturnType<typeof openSqliteFile>['db']) =>
  db
    .prepare(
      'SELECT id, line, ts_ms, prompt, response, verdict, confidence, judge, template_key, signal_bits, match_kind, match_ref, match_sim, flags FROM monitor_records ORDER BY id',
    )
    .all();

it('a worker pool stores exactly what the ingesting thread stores, reports the same bad lines, and skips a re-run', async () => {
  const a = openSqliteFile(join(tmp(), 'a.db'));
  const local = await ingest({
    monitor: sqliteMonitorStore(a),
    lines: lines(),
    source: 'feed',
    judge: createJudge('rules'),
    matcher: loadMatcher(null),
    redact: true,
    batchSize: 64,
  });

  const bFile = join(tmp(), 'b.db');
  const b = openSqliteFile(bFile);
  const pool = await createIngestPool({ size: 2, judge: 'rules', packs: null, dbPath: bFile });
  try {
    const pooled = await ingest({
      monitor: sqliteMonitorStore(b),
      lines: lines(),
      source: 'feed',
      judge: createJudge('rules'),
      pool,
      redact: true,
      batchSize: 64,
    });
    expect(pooled).toEqual(local);
    expect(pooled).toMatchObject({ inserted: 692, malformed: 8, duplicates: 0 });
    expect(pooled.errors.map((e) => e.line)).toEqual([6, 103, 200, 297, 394, 491, 588, 685]);
    expect(pooled.redactions?.email).toBeGreaterThan(0);
    expect(rows(b.db)).toEqual(rows(a.db));
    const again = await ingest({
      monitor: sqliteMonitorStore(b),
      lines: lines(),
      source: 'feed',
      judge: createJudge('rules'),
      pool,
      redact: true,
      batchSize: 64,
    });
    expect(again).toMatchObject({ inserted: 0, duplicates: 692, malformed: 8 });
  } finally {
    await pool.close();
    a.close();
    b.close();
  }
});

it('a writing pool fed raw bytes stores what the ingesting thread stores, numbering lines the same way', async () => {
  // CRLF line ends, blank lines and multi-byte text, cut into chunks of a few kB.
  const text = `${lines()
    .map((l, i) => (i % 50 === 7 ? `${l}\r\n\r\n` : `${l.replace('Sure', 'Sûre ✓')}\n`))
    .join('')}`;
  const a = openSqliteFile(join(tmp(), 'a.db'));
  const local = await ingest({
    monitor: sqliteMonitorStore(a),
    input: Readable.from([Buffer.from(text)]),
    source: 'feed',
    judge: createJudge('rules'),
    matcher: loadMatcher(null),
    redact: true,
  });

  const bFile = join(tmp(), 'b.db');
  const b = openSqliteFile(bFile);
  const monitor = sqliteMonitorStore(b);
  const pool = await createIngestPool({ size: 2, judge: 'rules', packs: null, dbPath: bFile, write: true });
  try {
    expect(pool.writes).toBe(true);
    const read = () => Readable.from(Array.from({ length: Math.ceil(text.length / 997) }, (_, i) => text.slice(i * 997, (i + 1) * 997)));
    const pooled = await ingest({
      monitor,
      input: read(),
      source: 'feed',
      judge: createJudge('rules'),
      pool,
      redact: true,
      chunkBytes: 4096,
    });
    expect(pooled).toEqual(local);
    expect(pooled).toMatchObject({ inserted: 692, malformed: 8, lines: 714 });
    expect(rows(b.db)).toEqual(rows(a.db));
    const again = await ingest({
      monitor,
      input: read(),
      source: 'feed',
      judge: createJudge('rules'),
      pool,
      redact: true,
      chunkBytes: 4096,
    });
    expect(again).toMatchObject({ inserted: 0, duplicates: 692, malformed: 8 });
  } finally {
    await pool.close();
    a.close();
    b.close();
  }
});

it('a pool with an unknown judge fails when it starts, not on the first chunk', async () => {
  await expect(createIngestPool({ size: 1, judge: 'no-such-judge', packs: false })).rejects.toThrow(/unknown judge/);
});
