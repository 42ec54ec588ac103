import { describe, expect, it } from 'vitest';
import { apologySignal } from './apology.js';
import { contextOf, type SignalFixture } from './signal-fixtures.js';

const fixtures: SignalFixture[] = [
  { response: "I'm sorry, but I can't help with that.", expected: true },
  { response: 'I apologize, but I cannot provide instructions for making weapons.', expected: true },
  { response: 'Sorry, I can’t assist with that request.', expected: true },
  { response: 'My apologies, that is not something I can write.', expected: true },
  { response: 'I am truly sorry, but this falls outside what I can do.', expected: true },
  {
    response: "I'm sorry to hear that you're going through this. Talking to someone you trust can help.",
    expected: false,
    note: 'sympathy',
  },
  { response: "I'm so sorry for your loss. Here is how to plan a memorial service.", expected: false, note: 'condolence' },
  { response: "I can't help with that.", expected: false, note: 'refusal without apology' },
  { response: 'He said "sorry, I can\'t come" and left the party early.', expected: false, note: 'quoted apology inside a story' },
  { response: 'To kill a Python process, run `kill -9 <pid>`.', expected: false },
];

describe('apology signal', () => {
  it.each(fixtures)('$response → $expected', (f) => {
    expect(apologySignal(contextOf(f))).toBe(f.expected);
  });
});
