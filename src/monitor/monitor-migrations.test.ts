import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { applyMigrations } from '../store/index.js';
import { ensureMonitorSchema, monitorMigrations } from './monitor-migrations.js';

const tmp = useTmpDir('rd-monmig-');

describe('monitor migrations', () => {
  it('a store from before incidents: alerts give way to incidents, and records with the leak signal get the leak flag', () => {
    const db = new Database(join(tmp(), 'old.db'));
    applyMigrations(db, 'monitor', monitorMigrations.slice(0, 1));
    const insert = db.prepare(
      `INSERT INTO monitor_records (id, source, line, ts_ms, prompt, response, verdict, confidence, judge, signal_bits, flags, ingest_id)
       VALUES (?, 's', 1, 0, 'p', 'r', ?, 0.9, 'j', ?, ?, 1)`,
    );
    insert.run('a', 'refusal', 8, '');
    insert.run('b', 'partial', 8 | 1, 'harmful-compliance');
    insert.run('c', 'refusal', 1, '');
    ensureMonitorSchema(db);
    expect(db.prepare('SELECT id, flags FROM monitor_records ORDER BY id').all()).toEqual([
      { id: 'a', flags: 'leak' },
      { id: 'b', flags: 'harmful-compliance,leak' },
      { id: 'c', flags: '' },
    ]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'monitor_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['monitor_config', 'monitor_incidents', 'monitor_ingests', 'monitor_records']);
    db.close();
  });
});
