import { describe, expect, it } from 'vitest';
import { deriveIncidents } from './derive-incidents.js';
import { detectDrift } from './detect-drift.js';
import type { Incident, StoredIncident } from './incident.js';
import { planIncidents } from './plan-incidents.js';
import { simulateWindows } from '../../test/monitor/simulated-windows.js';
import type { WindowStats } from './window-stats.js';

const baseline = { kind: 'first', windows: 24 } as const;

function incidents(windows: WindowStats[], o: { minN?: number; closeAfter?: number } = {}) {
  const drift = detectDrift({ windows, baseline, minN: o.minN ?? 30 });
  return {
    drift,
    incidents: deriveIncidents({
      tested: drift.tested,
      detections: drift.detections,
      baseline: drift.baseline,
      minN: o.minN ?? 30,
      closeAfter: o.closeAfter ?? 6,
    }),
  };
}

/** Four days of ~52 records an hour (5,000 in all); the refusal rate steps from 9.8% to 21.8% at hour 48. */
const step =
  (until = 96) =>
  (i: number) =>
    i >= 48 && i < until ? 0.218 : 0.098;

describe('deriveIncidents', () => {
  it('folds a persisting step into one incident: both detectors, every window, and the mirrored compliance', () => {
    const { drift, incidents: found } = incidents(simulateWindows(96, 52, step(), 11));
    // The detectors fire many times over the 48 shifted windows (the old alert count)...
    expect(drift.detections.length).toBeGreaterThan(10);
    expect(new Set(drift.detections.map((d) => d.metric))).toEqual(new Set(['refusal', 'compliance']));
    // ...and it is one change.
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({ family: 'verdicts', metric: 'refusal', direction: 'up', status: 'open', end: null });
    expect(i.mirrors.map((m) => [m.metric, m.direction])).toEqual([['compliance', 'down']]);
    expect(i.detectors).toContain('cusum');
    const start = Date.parse(i.start) / 3_600_000;
    expect(start).toBeGreaterThanOrEqual(44);
    expect(start).toBeLessThanOrEqual(52);
    expect(i.before).toBeCloseTo(0.098, 1);
    expect(i.after).toBeGreaterThan(0.18);
    expect(i.afterCi[0]).toBeGreaterThan(i.before);
    expect(i.detections).toBe(drift.detections.filter((d) => d.window >= i.start).length);
  });

  it('closes the incident once the rate is back in band for closeAfter windows, and opens nothing on quiet days', () => {
    const { incidents: found } = incidents(simulateWindows(120, 52, step(84), 11));
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i.status).toBe('closed');
    const end = Date.parse(i.end!) / 3_600_000;
    expect(end).toBeGreaterThanOrEqual(84);
    expect(end).toBeLessThanOrEqual(92);
    expect(i.last < i.end!).toBe(true);
    expect(incidents(simulateWindows(120, 52, () => 0.098, 11)).incidents).toEqual([]);
  });

  it('over many simulated logs (seeds other than those the thresholds were chosen on): one incident per step, few on quiet days', () => {
    let one = 0;
    let quiet = 0;
    for (let seed = 201; seed < 261; seed++) {
      if (incidents(simulateWindows(96, 52, step(), seed)).incidents.length === 1) one += 1;
      if (incidents(simulateWindows(96, 52, () => 0.098, seed)).incidents.length > 0) quiet += 1;
    }
    expect(one).toBeGreaterThanOrEqual(55);
    expect(quiet).toBeLessThanOrEqual(6);
  });

  it('never opens an incident on windows below the minimum n, however far their rate moves', () => {
    const windows = simulateWindows(
      60,
      (i) => (i < 24 ? 200 : 5),
      (i) => (i < 24 ? 0.1 : 0.8),
      5,
    );
    expect(incidents(windows, { minN: 30 }).incidents).toEqual([]);
    expect(incidents(windows, { minN: 5 }).incidents).toHaveLength(1);
  });
});

function stored(i: Incident, id: number, over: Partial<StoredIncident> = {}): StoredIncident {
  return { ...i, id, scope: 's', acknowledged: false, openedAt: '', updatedAt: '', closedAt: null, notifiedAfter: i.after, ...over };
}

describe('planIncidents', () => {
  it('opens once, stays silent while the same change continues, updates when it grows, closes when it returns', () => {
    const full = simulateWindows(120, 52, step(84), 11);
    const at = (hours: number) => incidents(full.slice(0, hours)).incidents;
    const opened = planIncidents([], at(60), { minEffect: 0.02 });
    expect(opened.map((w) => w.events.map((e) => e.kind))).toEqual([['opened']]);
    let s = stored(opened[0]!.incident, 1);
    // Evaluating again over the same records: nothing to write, nothing to say.
    expect(planIncidents([s], at(60), { minEffect: 0.02 })).toEqual([]);
    // More shifted windows: a row update, no message, unless the rate moved by the minimum effect.
    const later = planIncidents([s], at(70), { minEffect: 0.02 });
    expect(later).toHaveLength(1);
    expect(later[0]!.id).toBe(1);
    expect(later[0]!.events.filter((e) => e.kind !== 'updated')).toEqual([]);
    const moved = planIncidents([{ ...s, notifiedAfter: 0.1 }], at(70), { minEffect: 0.02 });
    expect(moved[0]!.events).toMatchObject([{ kind: 'updated', why: expect.stringMatching(/when last announced/) as string }]);
    s = stored(later[0]!.incident, 1);
    const closed = planIncidents([s], at(120), { minEffect: 0.02 });
    expect(closed.map((w) => [w.id, w.events.map((e) => e.kind)])).toEqual([[1, ['closed']]]);
    expect(planIncidents([stored(closed[0]!.incident, 1, { status: 'closed' })], at(120), { minEffect: 0.02 })).toEqual([]);
  });

  it('a history read in one go is one opened and one closed event, and a stored incident the data no longer shows is withdrawn', () => {
    const all = incidents(simulateWindows(120, 52, step(84), 11)).incidents;
    expect(planIncidents([], all, { minEffect: 0.02 }).flatMap((w) => w.events.map((e) => e.kind))).toEqual(['opened', 'closed']);
    const ghost = stored({ ...all[0]!, status: 'open', end: null, family: 'error', metric: 'error' }, 9);
    const writes = planIncidents([ghost], [], { minEffect: 0.02 });
    expect(writes).toMatchObject([
      { id: 9, incident: { status: 'closed' }, events: [{ kind: 'closed', why: expect.stringMatching(/withdrawn/) }] },
    ]);
  });
});
