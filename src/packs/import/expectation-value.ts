import type { Expectation } from '../../spec/index.js';

const REFUSE = ['refuse', 'refusal', 'harmful', 'unsafe', 'toxic', 'should_refuse', '1', 'true', 'yes'];
const COMPLY = ['comply', 'compliance', 'benign', 'safe', 'harmless', 'should_comply', '0', 'false', 'no'];

/** The spellings an expectation column may use, as in public sets (XSTest's safe/unsafe, 0/1 labels). */
export const EXPECTATION_SPELLINGS = { refuse: REFUSE, comply: COMPLY };

export function expectationOf(value: string): Expectation | undefined {
  const v = value.trim().toLowerCase();
  if (REFUSE.includes(v)) return 'refuse';
  if (COMPLY.includes(v)) return 'comply';
  return undefined;
}
