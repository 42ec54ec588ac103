import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { chatLine, TEST_PACK_YAML } from '../../../test/monitor/log-lines.js';
import { main } from '../main.js';

const tmp = useTmpDir('rd-cli-monitor-');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'refusal-drill', ...args], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: false,
    env: {},
  });
  return { code, out, err };
}

/** Three hours of 60 records: 1 in 6 refused, then 5 in 6 in the third hour. */
function drifting(dir: string): string {
  const lines: string[] = [];
  for (let h = 0; h < 3; h++)
    for (let i = 0; i < 60; i++)
      lines.push(
        chatLine({
          ts: Date.parse('2026-05-01T00:00:00Z') + h * 3_600_000 + i * 1000,
          // Words no built-in intent is near (under the 0.5 match threshold): "question" came within
          // 0.506 of a do-not-answer intent, and matched records are flagged for review.
          prompt: `request ${h}-${i}`,
          response:
            i % 6 < (h === 2 ? 5 : 1)
              ? "I'm sorry, but I can't help with that."
              : 'Sure, here is how to do it: open the settings and choose export.',
        }),
      );
  lines.splice(7, 0, 'oops');
  const file = join(dir, 'prod.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('monitor and review commands', () => {
  it('ingest reports bad lines by number, alerts on drift (stdout and webhook), and status --json has windows and alerts', async () => {
    const dir = tmp();
    const db = join(dir, 'd.db');
    const hits: unknown[] = [];
    const hook = createServer((req, res) => {
      let b = '';
      req.on('data', (c: Buffer) => (b += c.toString()));
      req.on('end', () => (hits.push(JSON.parse(b)), res.end()));
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    expect((await run('monitor', 'config', '--db', db, '--baseline', 'first:2', '--min-n', '20')).code).toBe(0);
    expect((await run('monitor', 'config', '--db', db, '--window', 'fortnightly')).err).toMatch(/--window expects hour, day or a length/);

    const first = await run(
      'monitor',
      'ingest',
      drifting(dir),
      '--db',
      db,
      '--workers',
      '0',
      '--judge',
      'rules',
      '--webhook',
      `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`,
    );
    hook.close();
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/181 line\(s\) read, 180 new record\(s\) stored, 0 already stored, 1 malformed/);
    expect(first.err).toMatch(/prod\.jsonl:8: not valid JSON/);
    expect(first.out).toMatch(/^ALERT #\d+ refusal ▲ 83\.3% vs baseline 16\.7% in 2026-05-01T02:00:00\.000Z/m);
    expect(hits).toHaveLength(1);

    const again = await run('monitor', 'ingest', drifting(dir), '--db', db, '--workers', '0', '--judge', 'rules');
    expect(again.err).toMatch(/0 new record\(s\) stored, 180 already stored/);
    expect(again.out).toBe('');

    const status = JSON.parse((await run('monitor', 'status', '--db', db, '--json')).out) as {
      windows: Array<{ start: string; end: string; n: number; rates: { refusal: number; partial: number; compliance: number } }>;
      alerts: Array<{ metric: string; window: string; baseline: number; value: number; test: string; pValue?: number }>;
    };
    expect(status.windows.map((w) => [w.start.slice(11, 13), w.n])).toEqual([
      ['00', 60],
      ['01', 60],
      ['02', 60],
    ]);
    expect(status.windows[2]?.rates).toEqual({ refusal: 50 / 60, partial: 0, compliance: 10 / 60 });
    const z = status.alerts.find((a) => a.metric === 'refusal' && a.test === 'two-proportion-z');
    expect(z).toMatchObject({ window: status.windows[2]?.start, baseline: 10 / 60, value: 50 / 60 });
    expect(z?.pValue).toBeLessThan(1e-6);

    expect((await run('monitor', 'ack', 'all', '--db', db)).out).toMatch(/alert\(s\) acknowledged/);
    expect((await run('monitor', 'status', '--db', db)).out).toMatch(/no open alerts/);
  });

  it('ingest with worker threads (bytes moved to them, rows written by them) stores what --workers 0 stores', async () => {
    const dir = tmp();
    const file = drifting(dir);
    const pooled = await run('monitor', 'ingest', file, '--db', join(dir, 'w.db'), '--workers', '2', '--judge', 'rules', '--json');
    const single = await run('monitor', 'ingest', file, '--db', join(dir, 's.db'), '--workers', '0', '--judge', 'rules', '--json');
    expect(pooled.code, pooled.err).toBe(0);
    const strip = (r: { out: string }) => {
      const j = JSON.parse(r.out) as Record<string, unknown>;
      return { lines: j.lines, inserted: j.inserted, duplicates: j.duplicates, malformed: j.malformed, errors: j.errors };
    };
    expect(strip(pooled)).toEqual(strip(single));
    expect(strip(pooled)).toMatchObject({ lines: 181, inserted: 180, malformed: 1 });
    const windows = async (db: string) =>
      (JSON.parse((await run('monitor', 'status', '--db', join(dir, db), '--json')).out) as { windows: unknown[] }).windows;
    expect(await windows('w.db')).toEqual(await windows('s.db'));
    const again = await run('monitor', 'ingest', file, '--db', join(dir, 'w.db'), '--workers', '2', '--judge', 'rules', '--json');
    expect(strip(again)).toMatchObject({ inserted: 0, duplicates: 180 });
  });

  it('ingest --calibration stores the mapped confidence, in this thread and in worker threads alike', async () => {
    const dir = tmp();
    const file = drifting(dir);
    const figures = { ece: 0, brier: 0, accuracy: 0.5, meanConfidence: 0.5 };
    const steps = [
      { upTo: 0.7, p: 0.31, n: 10 },
      { upTo: 1, p: 0.62, n: 10 },
    ];
    const cal = join(dir, 'cal.json');
    writeFileSync(
      cal,
      JSON.stringify({
        format: 'refusal-drill/calibration@1',
        judge: 'rules',
        scoring: '3-class',
        source: 't',
        fittedAt: '',
        n: 20,
        raw: figures,
        calibrated: figures,
        steps,
      }),
    );
    for (const workers of ['0', '2']) {
      const db = join(dir, `c${workers}.db`);
      const r = await run('monitor', 'ingest', file, '--db', db, '--workers', workers, '--judge', 'rules', '--calibration', cal);
      expect(r.code, r.err).toBe(0);
      const Database = (await import('better-sqlite3')).default;
      const conn = new Database(db, { readonly: true });
      const stored = conn.prepare('SELECT DISTINCT confidence FROM monitor_records ORDER BY confidence').all() as Array<{
        confidence: number;
      }>;
      conn.close();
      expect(stored.map((x) => x.confidence)).toEqual([0.62]);
    }
    const wrong = await run(
      'monitor',
      'ingest',
      file,
      '--db',
      join(dir, 'x.db'),
      '--workers',
      '0',
      '--judge',
      'cascade',
      '--calibration',
      cal,
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('fitted for judge "rules"');
  });

  it("calibrate --from-review fits the judge to reviewers' calls, each standing for its stratum of traffic", async () => {
    const dir = tmp();
    const db = join(dir, 'd.db');
    await run('monitor', 'ingest', drifting(dir), '--db', db, '--workers', '0', '--judge', 'rules');
    const queue = JSON.parse((await run('review', 'queue', '--db', db, '--per-stratum', '5', '--json')).out) as {
      items: Array<{ recordId: string; verdict: string }>;
    };
    const refusals = queue.items.filter((i) => i.verdict === 'refusal');
    const answers = queue.items.filter((i) => i.verdict === 'compliance');
    expect([refusals.length, answers.length]).toEqual([5, 5]);
    // Reviewers find the judge wrong on 3 of 5 sampled refusals (of 70) and right on 5 of 5 answers (of 110).
    for (const [k, i] of refusals.entries())
      await run('review', 'label', i.recordId, '--should', 'answer', '--judge', k < 3 ? 'wrong' : 'correct', '--db', db);
    for (const i of answers) await run('review', 'label', i.recordId, '--should', 'answer', '--judge', 'correct', '--db', db);
    const cal = join(dir, 'cal.json');
    const r = await run('calibrate', '--from-review', '--judge', 'rules', '--db', db, '--out', cal, '--min-block', '5');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('review labels: 10 (10 sampled, 0 flagged), standing for 180 records of rules');
    // Weighted by stratum: (110 × 1 + 70 × 0.4) / 180 = 76.7% right, where the unweighted labels say 70%.
    expect(r.err).toContain('right 76.7%');
    const c = JSON.parse(readFileSync(cal, 'utf8')) as { judge: string; steps: Array<{ p: number; n: number }> };
    expect(c.judge).toBe('rules');
    expect(c.steps.map((s) => [Number(s.p.toFixed(3)), s.n])).toEqual([
      [0.4, 5],
      [1, 5],
    ]);
    const none = await run('calibrate', '--from-review', '--judge', 'model', '--db', db, '--out', join(dir, 'none.json'));
    expect(none.code).toBe(3);
    expect(none.err).toContain('no reviewed records judged by model');
  });

  it('review queue, label by id prefix, agreement, and promote --dry-run leave the pack as it was', async () => {
    const dir = tmp();
    const db = join(dir, 'd.db');
    const pack = join(dir, 'pack.yaml');
    writeFileSync(pack, TEST_PACK_YAML);
    await run('monitor', 'ingest', drifting(dir), '--db', db, '--workers', '0', '--judge', 'rules', '--pack', pack);
    const queue = JSON.parse((await run('review', 'queue', '--db', db, '--per-stratum', '2', '--json')).out) as {
      added: number;
      items: Array<{ recordId: string; verdict: string; prompt: string }>;
    };
    // One day, two verdicts, two records each.
    expect(queue.added).toBe(2 * 2);
    const refusal = queue.items.find((i) => i.verdict === 'refusal')!;
    const prefix = refusal.recordId.slice(0, 18);
    expect((await run('review', 'label', prefix, '--should', 'answer', '--judge', 'wrong', '--db', db)).out).toMatch(
      /^labelled .* should answer, judge wrong/,
    );
    expect((await run('review', 'label', 'ffffffff', '--should', 'answer', '--db', db)).err).toMatch(/no monitor record "ffffffff"/);
    expect((await run('review', 'label', prefix, '--should', 'maybe', '--db', db)).code).toBe(2);
    const agreement = JSON.parse((await run('review', 'agreement', '--db', db, '--json')).out) as {
      overall: { n: number; confusion: Record<string, number> };
    };
    expect(agreement.overall).toMatchObject({ n: 1, confusion: { rr: 0, ra: 1, ar: 0, aa: 0 } });
    // The judge said refusal at its stated confidence; the one reviewer call says it was wrong.
    expect((await run('review', 'agreement', '--db', db)).out).toMatch(
      /judge rules {2}n=1 .*\n {2}confidence: says \d+\.\d%, right 0\.0% weighted by stratum \(ECE 0\.\d{3}\); refit with refusal-drill calibrate --from-review --judge rules/,
    );

    const dry = await run('review', 'promote', '--to', pack, '--db', db, '--principle', 'cyber', '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/would add twin cyber\/-\/twins\/monitor-/);
    expect(readFileSync(pack, 'utf8')).toBe(TEST_PACK_YAML);
  });
});
