import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/monitor/incident.js';
import { ingest } from '../../src/monitor/ingest.js';
import type { MonitorStore } from '../../src/monitor/monitor-store.js';
import { openMonitorAndReview } from '../../src/review/open-review-store.js';
import { freshPgUrl, NO_PG_REASON, TEST_PG } from '../helpers/pg-test.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { keywordJudge } from './keyword-judge.js';
import { chatLine } from './log-lines.js';

const tmp = useTmpDir('rd-monstore-');
const opened: MonitorStore[] = [];
afterEach(async () => {
  for (const m of opened.splice(0)) await m.close();
});

const H = (h: number, m = 0) => `2026-03-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;

/** Two hours of traffic: templated refusals, answers, an error, latencies at known ranks. */
function lines(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 10; i++)
    out.push(
      chatLine({
        ts: H(10, i),
        prompt: `q${i}`,
        response: i < 4 ? "I can't help with that. Sorry." : 'Sure, here it is.',
        latencyMs: 100 + i * 10,
      }),
    );
  out.push(chatLine({ ts: H(10, 30), prompt: 'broken', response: 'ERROR 500' }));
  for (let i = 0; i < 6; i++)
    out.push(
      chatLine({
        ts: H(11, i),
        prompt: `r${i}`,
        response: i % 2 ? "I'm sorry, I won't do that." : "I can't help with that. Again.",
        latencyMs: 50 + i,
      }),
    );
  return out;
}

const incident = (over: Partial<Incident> = {}): Incident => ({
  family: 'verdicts',
  metric: 'refusal',
  direction: 'up',
  status: 'open',
  start: H(11),
  detected: H(11),
  last: H(11),
  end: null,
  before: 0.4,
  beforeN: 10,
  beforeCi: [0.17, 0.69],
  after: 1,
  afterN: 6,
  afterCi: [0.61, 1],
  windows: 1,
  detectors: ['two-proportion-z'],
  detections: 1,
  mirrors: [{ metric: 'compliance', direction: 'down', before: 0.6, after: 0 }],
  ...over,
});

/** One contract for both monitor stores: SQLite on a laptop, Postgres shared by several instances. */
function contract(name: string, ref: () => string, openRef: (ref: string) => Promise<MonitorStore>, skip?: string): void {
  const open = async (): Promise<MonitorStore> => openRef(ref());
  describe.skipIf(skip !== undefined)(`monitor store contract: ${name}${skip ? ` (${skip})` : ''}`, () => {
    it('stores each record once: a re-ingest counts duplicates, not new records', async () => {
      const a = await open();
      opened.push(a);
      const first = await ingest({ monitor: a, lines: lines(), source: 'feed', judge: keywordJudge(), batchSize: 4 });
      expect(first).toMatchObject({ lines: 17, inserted: 17, duplicates: 0, malformed: 0 });
      const again = await ingest({ monitor: a, lines: lines(), source: 'feed', judge: keywordJudge(), batchSize: 5 });
      expect(again).toMatchObject({ inserted: 0, duplicates: 17 });
      expect(await a.countRecords()).toBe(17);
    });

    it('two writers ingesting the same records at once store each once between them', async () => {
      const shared = ref();
      const [a, b] = [await openRef(shared), await openRef(shared)];
      opened.push(a, b);
      const [ra, rb] = await Promise.all([
        ingest({ monitor: a, lines: lines(), source: 'feed', judge: keywordJudge(), batchSize: 3 }),
        ingest({ monitor: b, lines: [...lines()], source: 'feed', judge: keywordJudge(), batchSize: 2 }),
      ]);
      expect(ra.inserted + rb.inserted).toBe(17);
      expect(ra.duplicates + rb.duplicates).toBe(17);
      expect(await a.countRecords()).toBe(17);
      expect((await b.windows({ windowMs: 86_400_000 }))[0]?.n).toBe(17);
    });

    it('aggregates windows the same way: rates without errors, script index, new templates, latency ranks', async () => {
      const m = await open();
      opened.push(m);
      await ingest({ monitor: m, lines: lines(), source: 'feed', judge: keywordJudge() });
      const [w10, w11, ...rest] = await m.windows({ windowMs: 3_600_000 });
      expect(rest).toEqual([]);
      expect(w10).toMatchObject({
        start: '2026-03-01T10:00:00.000Z',
        n: 11,
        counts: { refusal: 4, partial: 0, compliance: 6, not_understood: 0, error: 1 },
        scriptIndex: 1,
        refusalTemplates: 1,
      });
      expect(w10?.rates.refusal).toBeCloseTo(0.4);
      // No record resembles a twin or an intent: zero of zero, not a missing count.
      expect(w10?.overRefusal).toEqual({ count: 0, n: 0, rate: null, ci95: null });
      expect(w10?.harmfulCompliance).toMatchObject({ count: 0, n: 0, rate: null });
      expect(w10?.newTemplates).toEqual({ count: 1, examples: ["i can't help with that."] });
      // Latencies 100..190: index floor(0.5·10) = 5 → 150; floor(0.95·10) = 9 → 190; refusals 100..130 → 120.
      expect(w10?.latency).toEqual({ n: 10, p50: 150, p95: 190, refusalP50: 120, complianceP50: 170 });
      expect(w11).toMatchObject({
        n: 6,
        counts: { refusal: 6, partial: 0, compliance: 0, not_understood: 0, error: 0 },
        refusalTemplates: 2,
      });
      expect(w11?.newTemplates.examples).toEqual(["i'm sorry, i won't do that."]);
      expect(w11?.scriptIndex).toBeCloseTo((3 * 2 + 3 * 2) / (6 * 5));
      expect(w11?.latency?.complianceP50).toBeNull();
      expect(await m.windows({ windowMs: 86_400_000 })).toHaveLength(1);
      expect(await m.windows({ windowMs: 3_600_000, fromMs: Date.parse(H(11)) })).toHaveLength(1);
    });

    it('opens an incident once, updates it in place, closes it, and lists and acknowledges it', async () => {
      const m = await open();
      opened.push(m);
      const o = { minEffect: 0.02 };
      const first = await m.applyIncidents('hour|default', [incident()], o);
      expect(first.map((e) => e.kind)).toEqual(['opened']);
      expect(first[0]?.incident).toMatchObject({
        ...incident(),
        scope: 'hour|default',
        acknowledged: false,
        closedAt: null,
        notifiedAfter: 1,
      });
      const id = first[0]!.incident.id;
      expect(await m.applyIncidents('hour|default', [incident()], o)).toEqual([]);
      // Another scope (other settings) is measured afresh.
      expect(await m.applyIncidents('day|default', [incident()], o)).toHaveLength(1);
      // One more window out and a second detector: one update, same id.
      const grown = incident({ last: H(12), windows: 2, detectors: ['cusum', 'two-proportion-z'], detections: 3 });
      const updated = await m.applyIncidents('hour|default', [grown], o);
      expect(updated).toMatchObject([{ kind: 'updated', why: 'cusum agrees', incident: { id, windows: 2 } }]);
      expect(await m.listIncidents({ scope: 'hour|default' })).toMatchObject([
        { id, status: 'open', detectors: ['cusum', 'two-proportion-z'] },
      ]);
      expect(await m.ackIncidents([id])).toBe(1);
      expect(await m.ackIncidents([id])).toBe(0);
      const closed = await m.applyIncidents('hour|default', [{ ...grown, status: 'closed', end: H(13) }], o);
      expect(closed).toMatchObject([{ kind: 'closed', window: H(13), incident: { id, status: 'closed', acknowledged: true } }]);
      expect(closed[0]!.incident.closedAt).toEqual(expect.any(String));
      expect(await m.listIncidents({ scope: 'hour|default' })).toEqual([]);
      expect(await m.listIncidents({ scope: 'hour|default', status: 'all' })).toHaveLength(1);
      expect(await m.ackIncidents('all')).toBe(1);
    });

    it('two writers reconciling the same incidents at once report each change once between them', async () => {
      const shared = ref();
      const [a, b] = [await openRef(shared), await openRef(shared)];
      opened.push(a, b);
      const o = { minEffect: 0.02 };
      const both = [incident(), incident({ family: 'error', metric: 'error', mirrors: [] })];
      const [ea, eb] = await Promise.all([a.applyIncidents('s', both, o), b.applyIncidents('s', both, o)]);
      expect([...ea, ...eb].map((e) => `${e.kind} ${e.incident.metric}`).sort()).toEqual(['opened error', 'opened refusal']);
      expect(await a.listIncidents({ scope: 's' })).toHaveLength(2);
    });

    it('counts leaks and keeps not_understood out of the verdict rates', async () => {
      const m = await open();
      opened.push(m);
      await ingest({
        monitor: m,
        lines: [
          chatLine({ ts: H(9, 1), prompt: 'x', response: 'UNREADABLE: ?' }),
          chatLine({ ts: H(9, 2), prompt: 'y', response: "I can't advise on that. Still, 40 mg is typical." }),
          chatLine({ ts: H(9, 3), prompt: 'z', response: 'Sure.' }),
        ],
        source: 'feed',
        judge: keywordJudge(),
      });
      const [w] = await m.windows({ windowMs: 3_600_000 });
      expect(w).toMatchObject({ n: 3, counts: { refusal: 1, compliance: 1, not_understood: 1 }, rates: { refusal: 0.5, compliance: 0.5 } });
      expect(w?.notUnderstood).toMatchObject({ count: 1, n: 3 });
      expect(w?.leaks).toMatchObject({ count: 1, n: 2 });
      expect(await m.countLeaks()).toBe(1);
    });

    it('keeps its settings', async () => {
      const m = await open();
      opened.push(m);
      expect((await m.readConfig()).window).toBe('hour');
      await m.writeConfig({ window: 'day', minN: 5 });
      expect(await m.readConfig()).toMatchObject({ window: 'day', minN: 5, baseline: 'default' });
    });
  });
}

const openMonitor = async (ref: string): Promise<MonitorStore> => (await openMonitorAndReview(ref)).monitor;
let n = 0;
contract('SQLite', () => join(tmp(), `m${n++}.db`), openMonitor);
contract('Postgres', () => freshPgUrl(TEST_PG ?? 'postgres://x@127.0.0.1/none', 'mon'), openMonitor, TEST_PG ? undefined : NO_PG_REASON);
