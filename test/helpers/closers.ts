import { afterEach } from 'vitest';

/** Things a test opened (servers, targets), closed after it in the order they were pushed. */
export function useClosers(): { push(close: () => Promise<void>): void } {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });
  return { push: (close) => void closers.push(close) };
}
