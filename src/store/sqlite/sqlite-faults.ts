import { StoreError } from '../../spec/index.js';

/** SQLite's result codes (better-sqlite3's `SqliteError.code`), e.g. SQLITE_FULL, SQLITE_IOERR_WRITE. */
export function sqliteCode(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return typeof code === 'string' && /^(SQLITE_|E[A-Z]+$)/.test(code) ? code : undefined;
}

/** What went wrong with a store file, in the words a user can act on. */
export function describeStoreFault(file: string, e: unknown, doing = 'open'): string {
  const code = sqliteCode(e) ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return doing === 'open'
      ? `store ${file} is not a valid refusal-drill database (${msg}); it was left untouched — move it aside or pass --db <other file>`
      : `store ${file} is damaged (${msg}); nothing more was written to it — restore a copy, or move it aside and pass --db <other file>`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `store ${file} is locked by another process (${msg}); wait for it to finish or pass --db <other file>`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code.startsWith('SQLITE_IOERR'))
    return `cannot ${doing === 'open' ? 'open' : 'write'} store ${file}: the disk is full or failing (${msg}); free space and try again`;
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS')
    return `cannot ${doing === 'open' ? 'open' : 'write'} store ${file} for writing (${msg})`;
  return `cannot ${doing === 'open' ? 'open' : 'use'} store ${file}: ${msg}`;
}

/**
 * The store with every SQLite failure turned into a StoreError (exit 5, no stack): a lock held
 * too long, a full disk, a page damaged after the file was opened. Anything else is a bug and is
 * let through as it is.
 */
export function withStoreFaults<T extends object>(store: T, file: string): T {
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      wrapped[key] = value;
      continue;
    }
    wrapped[key] = (...args: unknown[]): unknown => {
      const fault = (e: unknown): never => {
        if (sqliteCode(e) === undefined) throw e;
        throw new StoreError(
          describeStoreFault(file, e, key.startsWith('put') || key.startsWith('create') || key.startsWith('set') ? 'write' : 'use'),
          { cause: e },
        );
      };
      try {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(store, args);
        if (out instanceof Promise) return out.catch(fault);
        return isAsyncIterable(out) ? guardPages(out, fault) : out;
      } catch (e) {
        return fault(e);
      }
    };
  }
  return wrapped as T;
}

function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}

/** A paged read (resultPages) fails the same way as any other call, on the page that hit the fault. */
async function* guardPages(pages: AsyncIterable<unknown>, fault: (e: unknown) => never): AsyncGenerator<unknown> {
  try {
    yield* pages;
  } catch (e) {
    fault(e);
  }
}
