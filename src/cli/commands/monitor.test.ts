import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('ingest reports bad lines by number, opens one incident on drift (stdout and webhook), and status --json has windows and incidents', async () => {
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
    expect(first.err).toMatch(/181 lines read, 180 new records stored, 0 already stored, 1 malformed/);
    expect(first.err).toMatch(/prod\.jsonl:8: not valid JSON/);
    // z-test and CUSUM on refusal, and compliance falling as refusal rises: one incident.
    expect(first.out).toMatch(
      /^INCIDENT incident #1 opened: refusal ▲ 16\.7% → 83\.3% \(95% CI 72\.0%–90\.7%, n=60\) since 2026-05-01 02:00 UTC, 1 window, CUSUM \+ z-test; with it compliance ▼ 83\.3% → 16\.7%$/m,
    );
    expect(first.out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(hits).toMatchObject([{ source: 'refusal-drill', event: 'incident.opened', incident: { id: 1, metric: 'refusal' } }]);

    const again = await run('monitor', 'ingest', drifting(dir), '--db', db, '--workers', '0', '--judge', 'rules');
    expect(again.err).toMatch(/0 new records stored, 180 already stored/);
    expect(again.out).toBe('');

    const status = JSON.parse((await run('monitor', 'status', '--db', db, '--json')).out) as {
      windows: Array<{ start: string; end: string; n: number; rates: { refusal: number; partial: number; compliance: number } }>;
      incidents: Array<{ metric: string; start: string; before: number; after: number; afterCi: [number, number]; status: string }>;
    };
    expect(status.windows.map((w) => [w.start.slice(11, 13), w.n])).toEqual([
      ['00', 60],
      ['01', 60],
      ['02', 60],
    ]);
    expect(status.windows[2]?.rates).toEqual({ refusal: 50 / 60, partial: 0, compliance: 10 / 60 });
    expect(status.incidents).toMatchObject([
      { metric: 'refusal', start: status.windows[2]?.start, before: 10 / 60, after: 50 / 60, status: 'open' },
    ]);

    expect((await run('monitor', 'ack', 'all', '--db', db)).out).toMatch(/^1 incident acknowledged/);
    const text = (await run('monitor', 'status', '--db', db)).out;
    expect(text).toMatch(/1 open incident:\n {2}#1 open \(acknowledged\) refusal ▲ 16\.7% → 83\.3%/);
    expect(text).toMatch(/0 records flagged as leaks/);
  });

  it('ingest --format reads OpenAI Responses, Anthropic Messages and OpenTelemetry GenAI logs, errors by line number', async () => {
    const dir = tmp();
    const db = join(dir, 'f.db');
    const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'logs');
    const expected: Record<string, { lines: number; inserted: number; errors: number }> = {
      'openai-responses': { lines: 5, inserted: 5, errors: 1 },
      'anthropic-messages': { lines: 4, inserted: 4, errors: 1 },
      'otel-genai': { lines: 4, inserted: 5, errors: 1 },
    };
    for (const [format, want] of Object.entries(expected)) {
      for (const workers of ['0', '2']) {
        const r = await run(
          'monitor',
          'ingest',
          join(fixtures, `${format}.jsonl`),
          '--db',
          join(dir, `${format}-${workers}.db`),
          '--format',
          format,
          '--workers',
          workers,
          '--judge',
          'rules',
          '--json',
        );
        expect(r.code, r.err).toBe(0);
        expect(JSON.parse(r.out)).toMatchObject({ lines: want.lines, inserted: want.inserted, malformed: 0 });
      }
      const Database = (await import('better-sqlite3')).default;
      const conn = new Database(join(dir, `${format}-0.db`), { readonly: true });
      // A failed call is stored as what it is: an error, never a refusal.
      expect(conn.prepare("SELECT COUNT(*) AS n FROM monitor_records WHERE verdict = 'error'").get()).toEqual({ n: want.errors });
      conn.close();
    }
    const mixed = join(dir, 'mixed.jsonl');
    const good = readFileSync(join(fixtures, 'openai-responses.jsonl'), 'utf8').split('\n')[0];
    writeFileSync(mixed, `${good}\n${JSON.stringify({ request: { input: 'hi' }, response: { output: 'nope' } })}\n`);
    const bad = await run(
      'monitor',
      'ingest',
      mixed,
      '--db',
      db,
      '--format',
      'openai-responses',
      '--workers',
      '0',
      '--judge',
      'rules',
      '--strict',
    );
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('mixed.jsonl:2: response.output: expected array, received string (openai-responses)');
    const wrong = await run('monitor', 'ingest', mixed, '--db', db, '--format', 'anthropic-messages', '--workers', '0', '--judge', 'rules');
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/mixed\.jsonl:1: request\.messages: .*\(anthropic-messages\)/);
    const unknown = await run('monitor', 'ingest', mixed, '--db', db, '--format', 'splunk');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      '--format expects one of auto, chat, openai-chat, flat, openai-responses, anthropic-messages, otel-genai; got "splunk"',
    );
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

  it("calibrate --from-review refuses on too few labels, then fits reviewers' calls, each standing for its stratum, shrunk toward the offline calibration", async () => {
    const dir = tmp();
    const db = join(dir, 'd.db');
    await run('monitor', 'ingest', drifting(dir), '--db', db, '--workers', '0', '--judge', 'rules');
    const label = async (ids: string[], call: (k: number) => 'correct' | 'wrong') => {
      for (const [k, id] of ids.entries())
        await run('review', 'label', id, '--should', 'answer', '--judge', call(k), '--reviewer', 'ana', '--db', db);
    };
    type Queue = { items: Array<{ recordId: string; verdict: string; label: unknown }> };
    const first = JSON.parse((await run('review', 'queue', '--db', db, '--per-stratum', '5', '--json')).out) as Queue;
    const byVerdict = (q: Queue, v: string) => q.items.filter((i) => i.verdict === v && !i.label).map((i) => i.recordId);
    expect([byVerdict(first, 'refusal').length, byVerdict(first, 'compliance').length]).toEqual([5, 5]);
    await label(byVerdict(first, 'refusal'), (k) => (k < 2 ? 'wrong' : 'correct'));
    await label(byVerdict(first, 'compliance'), () => 'correct');
    const cal = join(dir, 'cal.json');
    const few = await run('calibrate', '--from-review', '--judge', 'rules', '--db', db, '--out', cal);
    expect(few.code).toBe(3);
    expect(few.err).toContain('review labels: 10 (10 sampled, 0 flagged; 5 on refusals, 5 on answers)');
    expect(few.err).toContain(
      'no calibration written: 5 labels on records the judge called a refusal and 5 on records it called an answer; at least 20 of each',
    );
    expect(existsSync(cal)).toBe(false);

    // 20 of the 70 refusals (6 wrong: 2 + 4) and 20 of the 110 answers (all right).
    const more = JSON.parse(
      (await run('review', 'queue', '--db', db, '--per-stratum', '20', '--status', 'pending', '--limit', '100', '--json')).out,
    ) as Queue;
    await label(byVerdict(more, 'refusal'), (k) => (k < 4 ? 'wrong' : 'correct'));
    await label(byVerdict(more, 'compliance'), () => 'correct');
    const r = await run('calibrate', '--from-review', '--judge', 'rules', '--db', db, '--out', cal);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('review labels: 40 (40 sampled, 0 flagged; 20 on refusals, 20 on answers)\nstanding for 180 records of rules');
    // Weighted by stratum: (110 × 1 + 70 × 14/20) / 180 = 88.3% right, where the labels alone say 85%.
    expect(r.err).toContain('right 88.3%');
    // Each bin with its interval; the map sits between what reviewers found and what the judge said.
    const bins = r.err.split('\n').filter((l) => /^0\.\d–\d\.\d\s+\d+/.test(l));
    expect(bins.length).toBeGreaterThan(0);
    for (const line of bins) expect(line).toMatch(/\d+\.\d% \(\d+\.\d%–\d+\.\d%\)/);
    const c = JSON.parse(readFileSync(cal, 'utf8')) as { judge: string; steps: Array<{ p: number; n: number }> };
    expect(c.judge).toBe('rules');
    expect(c.steps.reduce((n, s) => n + s.n, 0)).toBe(40);
    for (const s of c.steps) expect(s.p).toBeLessThan(1);
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
