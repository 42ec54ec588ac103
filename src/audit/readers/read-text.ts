import { forEachLine, MAX_LINE_BYTES, openBytes } from './byte-lines.js';
import { ReadCounter, type CorpusSource, type OnText, type ReadOptions, type ReadStats } from './corpus-source.js';

/** Plain text: a record per non-blank line, or per blank-line-separated paragraph (numbered by its first line). */
export async function readText(source: CorpusSource, onText: OnText, options: ReadOptions = {}): Promise<ReadStats> {
  const counter = new ReadCounter();
  const stream = openBytes(source.file, source.gzip, (n) => {
    counter.bytes += n;
    options.onProgress?.(counter.bytes);
  });
  const emit = (text: string, record: number): void => {
    counter.records++;
    counter.texts++;
    onText(text, record, null);
  };
  const paragraphs = options.textRecords === 'paragraph';
  let para: string[] = [];
  let paraLine = 0;
  const flush = (): void => {
    if (para.length > 0) emit(para.join('\n'), paraLine);
    para = [];
  };
  await forEachLine(
    stream,
    (buf, start, end, line) => {
      let text = buf.toString('utf8', start, end);
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const blank = text.trim() === '';
      if (!paragraphs) {
        if (!blank) emit(text, line);
        return;
      }
      if (blank) return flush();
      if (para.length === 0) paraLine = line;
      para.push(text);
    },
    {
      signal: options.signal,
      onLongLine: (n) => counter.skip(`${source.file}:${n}: a line longer than ${MAX_LINE_BYTES} bytes; skipped unread`),
    },
  );
  flush();
  return counter.stats();
}
