import { describe, expect, it } from 'vitest';
import { fitCalibration } from './calibration.js';
import { parseCalibration } from './calibration-file.js';

const good = fitCalibration({
  judge: 'rules',
  scoring: 'binary',
  source: 's',
  outcomes: Array.from({ length: 40 }, (_, i) => ({ confidence: i < 20 ? 0.6 : 0.9, correct: i % 4 !== 0 })),
}).calibration;

describe('parseCalibration', () => {
  it('round-trips what fitCalibration writes', () => {
    expect(parseCalibration(JSON.stringify(good), 'cal.json')).toEqual(good);
  });

  it('names the file and the field of a bad calibration', () => {
    expect(() => parseCalibration('{', 'cal.json')).toThrow(/^cal\.json: not JSON/);
    expect(() => parseCalibration(JSON.stringify({ ...good, judge: undefined }), 'cal.json')).toThrow(/cal\.json: field "judge"/);
    expect(() => parseCalibration(JSON.stringify({ ...good, steps: [{ upTo: 2, p: 0.5, n: 1 }] }), 'cal.json')).toThrow(
      /field "steps\.0\.upTo"/,
    );
    const falling = {
      ...good,
      steps: [
        { upTo: 0.5, p: 0.9, n: 10 },
        { upTo: 1, p: 0.5, n: 10 },
      ],
    };
    expect(() => parseCalibration(JSON.stringify(falling), 'cal.json')).toThrow(/field "steps\.1": steps must rise/);
  });
});
