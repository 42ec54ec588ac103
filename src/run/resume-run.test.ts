import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeCase, makeRun } from '../../test/helpers/fixtures.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import type { RunEvent } from '../spec/index.js';
import { openSqliteFile, openStore } from '../store/index.js';
import { resumeRun } from './resume-run.js';

const tmp = useTmpDir();

it('resumes from the stored snapshot; a run stored before snapshots were kept falls back to its pack files, and says so', async () => {
  const d = tmp();
  const db = join(d, 'd.db');
  const pack = join(d, 'p.yaml');
  writeFileSync(pack, 'id: p\nprinciples:\n  - id: pr\n    statement: From the file.\n    intents:\n      - { id: in, prompt: x }\n');
  const stored = { principles: { 'p/pr': { id: 'pr', statement: 'As planned.' } }, leaks: {} };
  const store = await openStore(db);
  try {
    const options = { ...makeRun().options, packRefs: [pack] };
    await store.createRun(makeRun({ id: 'new', options }), [makeCase('a')], stored);
    await store.createRun(makeRun({ id: 'old', options }), [makeCase('a')], stored);
    const events: RunEvent[] = [];
    expect((await resumeRun({ store, ref: 'new', asked: {}, onEvent: (e) => events.push(e) })).context).toEqual(stored);
    expect(events).toEqual([]);

    // What an older version left behind: the run without its context row.
    const file = openSqliteFile(db);
    file.db.prepare("DELETE FROM run_contexts WHERE run_id = 'old'").run();
    file.close();
    const { context } = await resumeRun({ store, ref: 'old', asked: {}, onEvent: (e) => events.push(e) });
    expect(context.principles['p/pr']?.statement).toBe('From the file.');
    expect(events).toEqual([{ type: 'notice', message: expect.stringContaining('without a pack snapshot') }]);
  } finally {
    await store.close();
  }
});

it('a run that is not stored is an input error naming the store', async () => {
  const store = await openStore(join(tmp(), 'd.db'));
  try {
    await expect(resumeRun({ store, ref: 'nope', asked: {} })).rejects.toThrow(/no run "nope" in .*d\.db/);
  } finally {
    await store.close();
  }
});
