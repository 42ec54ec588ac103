import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { writeParquet } from '../../../test/helpers/audit/write-parquet.js';
import { findCorpusFiles } from './corpus-files.js';
import type { CorpusSource, ReadOptions } from './corpus-source.js';
import { readCorpus } from './read-corpus.js';

const tmp = useTmpDir('rd-readers-');

async function read(
  source: CorpusSource,
  options: ReadOptions = {},
): Promise<{ texts: string[]; stats: Awaited<ReturnType<typeof readCorpus>> }> {
  const texts: string[] = [];
  const stats = await readCorpus(source, (text, record, field) => texts.push(`${record}|${field ?? '-'}|${text}`), options);
  return { texts, stats };
}

function write(dir: string, name: string, content: string | Buffer, gzip = false): CorpusSource {
  const file = join(dir, gzip ? `${name}.gz` : name);
  writeFileSync(file, gzip ? gzipSync(content) : content);
  const [source] = findCorpusFiles([file]);
  return source!;
}

const JSONL = [
  JSON.stringify({ text: 'first text' }),
  '',
  JSON.stringify({
    messages: [
      { role: 'user', content: 'hello there' },
      { role: 'assistant', content: [{ type: 'text', text: 'part one' }] },
    ],
  }),
  '{not json',
  JSON.stringify({ id: 7 }),
  JSON.stringify('a bare string'),
  JSON.stringify({ prompt: 'ask', completion: 'answer\nwith a newline' }),
].join('\r\n');

describe('JSONL reader', () => {
  it('reads the default fields, chat messages and content parts, and counts what it skipped', async () => {
    for (const gzip of [false, true]) {
      const { texts, stats } = await read(write(tmp(), 'c.jsonl', JSONL, gzip));
      expect(texts).toEqual([
        '1|text|first text',
        '3|messages[0].content|hello there',
        '3|messages[1].content[0].text|part one',
        '6|-|a bare string',
        '7|prompt|ask',
        '7|completion|answer\nwith a newline',
      ]);
      expect(stats).toMatchObject({ records: 6, texts: 6, skipped: 2 });
      expect(stats.firstSkipped).toMatch(/c\.jsonl(\.gz)?:4: not a JSON value/);
    }
  });

  it('takes only the fields asked for, by path', async () => {
    const { texts } = await read(write(tmp(), 'c.jsonl', JSONL), { fields: ['messages[1].content', 'completion'] });
    expect(texts).toEqual(['3|messages[1].content[0].text|part one', '6|-|a bare string', '7|completion|answer\nwith a newline']);
  });

  it('reads a line longer than a read chunk and a last line without a newline', async () => {
    const long = 'word '.repeat(400_000).trim();
    const { texts } = await read(write(tmp(), 'c.jsonl', `${JSON.stringify({ text: long })}\n${JSON.stringify({ text: 'tail' })}`));
    expect(texts.map((t) => t.length)).toEqual([`1|text|${long}`.length, '2|text|tail'.length]);
  });
});

describe('CSV and TSV readers', () => {
  const csv = '\ufeffid,Prompt,label\n1,"How do I kill a Python process?",safe\n2,"multi\nline, quoted",unsafe\n3,,x\n';

  it('reads the text column (case-insensitively by default), quoted newlines and all', async () => {
    for (const gzip of [false, true]) {
      const { texts, stats } = await read(write(tmp(), 'c.csv', csv, gzip));
      expect(texts).toEqual(['1|Prompt|How do I kill a Python process?', '2|Prompt|multi\nline, quoted']);
      expect(stats).toMatchObject({ records: 3, texts: 2, skipped: 1 });
    }
  });

  it('reads TSV and a column named with --field', async () => {
    const { texts } = await read(write(tmp(), 'c.tsv', 'a\tb\nx one\ty one\nx two\ty two\n'), { fields: ['b'] });
    expect(texts).toEqual(['1|b|y one', '2|b|y two']);
  });

  it('names the file, line 1 and the columns it has when the text column is missing', async () => {
    await expect(read(write(tmp(), 'c.csv', csv), { fields: ['body'] })).rejects.toThrow(
      /c\.csv:1: no column named body; the header has id, Prompt, label/,
    );
  });
});

describe('plain text reader', () => {
  const text = 'line one\n\nline two\r\nline three\n\n\nfour\n';

  it('reads a record per line, or per paragraph numbered by its first line', async () => {
    const dir = tmp();
    expect((await read(write(dir, 'c.txt', text))).texts).toEqual(['1|-|line one', '3|-|line two', '4|-|line three', '7|-|four']);
    expect((await read(write(dir, 'd.txt', text, true), { textRecords: 'paragraph' })).texts).toEqual([
      '1|-|line one',
      '3|-|line two\nline three',
      '7|-|four',
    ]);
  });
});

describe('Parquet reader', () => {
  it('streams row groups of the text column, plain and gzip pages', async () => {
    for (const gzip of [false, true]) {
      const dir = tmp();
      const file = join(dir, 'c.parquet');
      const rows = Array.from({ length: 50 }, (_, i) => `row ${i} — naïve`);
      writeParquet(file, { columns: { id: rows.map((_, i) => String(i)), content: rows }, rowGroupSize: 16, gzip });
      const { texts, stats } = await read(findCorpusFiles([file])[0]!);
      expect(texts).toHaveLength(50);
      expect(texts[0]).toBe('1|content|row 0 — naïve');
      expect(texts[49]).toBe('50|content|row 49 — naïve');
      expect(stats).toMatchObject({ records: 50, texts: 50, skipped: 0 });
    }
  });

  it('rejects a file that is not parquet and a missing column by name', async () => {
    const dir = tmp();
    await expect(read(write(dir, 'bad.parquet', 'not parquet at all'))).rejects.toThrow(/bad\.parquet: not a readable parquet file/);
    const file = join(dir, 'c.parquet');
    writeParquet(file, { columns: { body: ['x'] } });
    await expect(read(findCorpusFiles([file])[0]!)).rejects.toThrow(/no column named .*; it has body/);
    expect((await read(findCorpusFiles([file])[0]!, { fields: ['body'] })).texts).toEqual(['1|body|x']);
  });
});

describe('findCorpusFiles', () => {
  it('walks directories in order, detects formats under .gz, and explains what it cannot read', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    for (const f of ['b.jsonl.gz', 'a.csv', 'sub/c.txt', 'notes.bin', '.hidden.jsonl']) writeFileSync(join(dir, f), '');
    expect(findCorpusFiles([dir]).map((s) => [s.file.slice(dir.length + 1), s.format, s.gzip])).toEqual([
      ['a.csv', 'csv', false],
      ['b.jsonl.gz', 'jsonl', true],
      ['sub/c.txt', 'text', false],
    ]);
    expect(() => findCorpusFiles([join(dir, 'notes.bin')])).toThrow(/cannot tell its format.*--format/);
    expect(findCorpusFiles([join(dir, 'notes.bin')], 'text')[0]).toMatchObject({ format: 'text' });
    expect(() => findCorpusFiles([join(dir, 'missing.jsonl')])).toThrow(/missing\.jsonl: cannot read it/);
  });
});
