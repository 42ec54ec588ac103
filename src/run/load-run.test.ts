import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { cannedModel, principledModel, scriptedDrill } from '../../test/helpers/scripted-drill.js';
import { DrillError, EXIT } from '../spec/index.js';
import { loadRun, withRun } from './load-run.js';
import { storeDrill, writeDrillDir } from '../../test/helpers/write-drill.js';

const tmp = useTmpDir();

async function inputError(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    expect(DrillError.isInstance(e) && e.exitCode).toBe(EXIT.input);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('loadRun', () => {
  it('reads a run directory', async () => {
    const drill = scriptedDrill(cannedModel);
    const loaded = await loadRun(writeDrillDir(join(tmp(), 'out'), drill));
    expect(loaded.run).toEqual(drill.run);
    expect(loaded.results).toEqual(drill.results);
  });
  it('reads a stored run by id, prefix and latest from a real SQLite file', async () => {
    const db = join(tmp(), 'drill.db');
    await storeDrill(db, {
      ...scriptedDrill(cannedModel, { runId: 'run-aaa' }),
      run: { ...scriptedDrill(cannedModel, { runId: 'run-aaa' }).run, createdAt: '2026-01-01T00:00:00Z' },
    });
    const later = scriptedDrill(principledModel, { runId: 'run-bbb' });
    await storeDrill(db, { ...later, run: { ...later.run, createdAt: '2026-01-02T00:00:00Z' } });
    expect((await loadRun('run-aaa', { db })).run.id).toBe('run-aaa');
    expect((await loadRun('run-b', { db })).results).toHaveLength(later.results.length);
    expect((await loadRun('latest', { db })).run.id).toBe('run-bbb');
    expect(await inputError(() => loadRun('nope', { db }))).toMatch(/no run "nope" in .*drill\.db/);
  });
  it('names the file, line and field of a bad record', async () => {
    const dir = writeDrillDir(join(tmp(), 'out'), scriptedDrill(cannedModel));
    const results = join(dir, 'results.jsonl');
    appendFileSync(results, '{"runId": "x"\n');
    expect(await inputError(() => loadRun(dir))).toMatch(/results\.jsonl:109: not valid JSON/);
    writeFileSync(
      results,
      `${JSON.stringify({ ...scriptedDrill(cannedModel).results[0], judgement: { verdict: 'maybe', confidence: 1, judge: 'x' } })}\n`,
    );
    expect(await inputError(() => loadRun(dir))).toMatch(/results\.jsonl:1: judgement\.verdict: /);
    writeFileSync(join(dir, 'run.json'), '{"id": 3}');
    expect(await inputError(() => loadRun(dir))).toMatch(/run\.json: /);
  });
  it('streams a run directory a page at a time, in file order, and names the line of a bad record pages in', async () => {
    const drill = scriptedDrill(principledModel, { samples: 5 });
    const dir = writeDrillDir(join(tmp(), 'out'), drill);
    const pages = await withRun(dir, {}, async ({ run, source }) => {
      const sizes: number[] = [];
      const ids: string[] = [];
      for await (const page of source.resultPages(run.id, { pageSize: 100 })) {
        sizes.push(page.length);
        ids.push(...page.map((r) => r.caseId));
      }
      expect(ids).toEqual(drill.results.map((r) => r.caseId));
      return sizes;
    });
    expect(drill.results.length).toBe(504);
    expect(pages).toEqual([100, 100, 100, 100, 100, 4]);
    // a blank line is skipped but counted; the bad record is on line 452, in the fifth page
    const lines = drill.results.map((r) => JSON.stringify(r));
    lines.splice(300, 0, '');
    lines[451] = JSON.stringify({ ...drill.results[450], finishedAt: 7 });
    writeFileSync(join(dir, 'results.jsonl'), `${lines.join('\r\n')}\n`);
    const read = (): Promise<number> =>
      withRun(dir, {}, async ({ run, source }) => {
        let n = 0;
        for await (const page of source.resultPages(run.id, { pageSize: 100 })) n += page.length;
        return n;
      });
    expect(await inputError(read)).toMatch(/results\.jsonl:452: finishedAt: /);
  });
  it('says what is missing when the reference is neither a run directory nor a stored run', async () => {
    const d = tmp();
    expect(await inputError(() => loadRun(d))).toMatch(/is not a run directory: .*run\.json is missing/);
    expect(await inputError(() => loadRun('some-id', { db: join(d, 'none.db') }))).toMatch(/no run directory "some-id" and no store at/);
  });
});
