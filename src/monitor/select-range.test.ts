import { describe, expect, it } from 'vitest';
import type { StoredIncident } from './incident.js';
import { parseRange, selectRange } from './select-range.js';
import { HOUR, simulateWindows } from '../../test/monitor/simulated-windows.js';

const windows = simulateWindows(200, 50, () => 0.1);
const open = (startHour: number) => ({ id: 4, start: new Date(startHour * HOUR).toISOString() }) as StoredIncident;

describe('selectRange', () => {
  it('auto: as many windows before the first open incident as it has lasted, at least 24; else the last 48', () => {
    const late = selectRange(windows, [open(190)], HOUR, { kind: 'auto' });
    expect([late.fromMs / HOUR, late.toMs / HOUR]).toEqual([166, 200]);
    expect(late.why).toBe('24 windows before incident #4 began, to the newest record');
    const long = selectRange(windows, [open(150), open(180)], HOUR, { kind: 'auto' });
    expect(long.fromMs / HOUR).toBe(100);
    expect(selectRange(windows, [open(5)], HOUR, { kind: 'auto' }).fromMs).toBe(0);
    expect(selectRange(windows, [], HOUR, { kind: 'auto' }).fromMs / HOUR).toBe(152);
  });

  it('presets count back from the newest record; dates are clamped to the data; bad input names the field', () => {
    expect(selectRange(windows, [], HOUR, parseRange('24h', null, null)).fromMs / HOUR).toBe(176);
    expect(selectRange(windows, [], HOUR, parseRange('all', null, null)).fromMs).toBe(0);
    const between = selectRange(windows, [], HOUR, parseRange(null, '1970-01-02', '1970-01-03'));
    expect([between.fromMs / HOUR, between.toMs / HOUR, between.name]).toEqual([24, 72, 'custom']);
    expect(() => parseRange('fortnight', null, null)).toThrow(/range: expected auto, 24h, 7d, 30d or all, got "fortnight"/);
    expect(() => parseRange(null, '1970-01-05', '1970-01-03')).toThrow(/range: expected from and to as ISO dates/);
  });
});
