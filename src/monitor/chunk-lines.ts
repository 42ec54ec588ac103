import type { LineError, RawLine } from './prepare-chunk.js';

/** Longest line taken, in UTF-16 code units; longer lines are reported, not parsed. */
export const MAX_LINE = 1 << 20;
/** A byte length past which a line is over MAX_LINE whatever its characters (UTF-8 spends at most 3 bytes a UTF-16 unit). */
export const MAX_LINE_BYTES = 3 * MAX_LINE + 3;

export function overlongError(line: number): LineError {
  return { line, message: `line longer than ${MAX_LINE} characters` };
}

/** What becomes of one line, read either way: too long is an error, blank is counted and dropped. */
export function takeLine(raw: string, line: number, into: { lines: RawLine[]; errors: LineError[] }): void {
  if (raw.length > MAX_LINE) into.errors.push(overlongError(line));
  else if (raw.trim() !== '') into.lines.push([line, raw]);
}

// Keeps a byte order mark as the line reader does (and JSON.parse then reports that line).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The lines of a chunk cut by `byteChunks`, numbered from `firstLine`, as the line reader would
 * give them: CR before LF dropped, blank lines counted but not kept, overlong lines reported.
 */
export function chunkLines(bytes: Uint8Array, firstLine: number): { lines: RawLine[]; errors: LineError[] } {
  const text = decoder.decode(bytes);
  const out = { lines: [] as RawLine[], errors: [] as LineError[] };
  let line = firstLine;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    const raw = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    takeLine(raw, line, out);
    line += 1;
    start = next;
  }
  return out;
}
