import { forEachLine, MAX_LINE_BYTES, openBytes } from './byte-lines.js';
import { DEFAULT_FIELDS, ReadCounter, type CorpusSource, type OnText, type ReadOptions, type ReadStats } from './corpus-source.js';
import { extractTexts, parseFieldPath } from './field-path.js';

/** JSON Lines: each line one JSON value; texts at the given field paths (a bare string line is its own text). */
export async function readJsonl(source: CorpusSource, onText: OnText, options: ReadOptions = {}): Promise<ReadStats> {
  const paths = (options.fields ?? DEFAULT_FIELDS).map(parseFieldPath);
  const tried = paths.map((p) => p.source).join(', ');
  const counter = new ReadCounter();
  const stream = openBytes(source.file, source.gzip, (n) => {
    counter.bytes += n;
    options.onProgress?.(counter.bytes);
  });
  let line = 0;
  let found = 0;
  // One emit for the whole file: the line number changes, the closure does not.
  const emit = (text: string, field: string): void => {
    found++;
    onText(text, line, field);
  };
  await forEachLine(
    stream,
    (buf, start, end, lineNo) => {
      if (end === start) return;
      let raw = buf.toString('utf8', start, end);
      if (lineNo === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
      if (raw.charCodeAt(0) <= 32 && raw.trim() === '') return;
      counter.records++;
      line = lineNo;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        counter.skip(`${source.file}:${lineNo}: not a JSON value (${e instanceof Error ? e.message : String(e)})`);
        return;
      }
      found = 0;
      if (typeof value === 'string') {
        found++;
        onText(value, lineNo, null);
      } else for (const p of paths) extractTexts(value, p, emit);
      if (found === 0)
        counter.skip(`${source.file}:${lineNo}: no text at ${tried}; expected a string there (choose the field with --field)`);
      counter.texts += found;
    },
    {
      signal: options.signal,
      onLongLine: (n) => counter.skip(`${source.file}:${n}: a line longer than ${MAX_LINE_BYTES} bytes; skipped unread`),
    },
  );
  return counter.stats();
}
