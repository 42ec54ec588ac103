/**
 * Writes that arrive in the same tick, committed together: one SQLite transaction per burst
 * instead of one per row (a commit costs ~0.2 ms; a run of 16 concurrent requests stores an
 * answer per request). Each `add` resolves once its batch is committed, or rejects with the
 * batch's error, so a caller still hears of a full disk.
 */
export function writeBatch<T>(commit: (rows: T[]) => void): { add(row: T): Promise<void> } {
  let rows: T[] = [];
  let waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  const flush = (): void => {
    const [batch, told] = [rows, waiting];
    [rows, waiting] = [[], []];
    try {
      commit(batch);
      for (const w of told) w.resolve();
    } catch (e) {
      for (const w of told) w.reject(e);
    }
  };
  return {
    add(row) {
      if (rows.length === 0) setImmediate(flush);
      rows.push(row);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
