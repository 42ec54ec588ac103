import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * A minimal Parquet writer for tests and benchmarks (hyparquet only reads): required UTF-8
 * string columns, PLAIN encoding, one data page per column chunk, optional GZIP pages, as many
 * row groups as asked. Enough to exercise the reader's row-group streaming for real.
 */
export function writeParquet(file: string, options: { columns: Record<string, string[]>; rowGroupSize?: number; gzip?: boolean }): void {
  const names = Object.keys(options.columns);
  const rows = options.columns[names[0] ?? '']?.length ?? 0;
  const groupSize = options.rowGroupSize ?? Math.max(1, rows);
  const parts: Buffer[] = [Buffer.from('PAR1')];
  let offset = 4;
  const groups: Array<{
    chunks: Array<{ name: string; offset: number; values: number; raw: number; packed: number }>;
    rows: number;
    bytes: number;
  }> = [];
  for (let start = 0; start < rows; start += groupSize) {
    const end = Math.min(rows, start + groupSize);
    const chunks = names.map((name) => {
      const values = options.columns[name]!.slice(start, end);
      const raw = Buffer.concat(
        values.flatMap((v) => {
          const bytes = Buffer.from(v, 'utf8');
          const len = Buffer.alloc(4);
          len.writeUInt32LE(bytes.length);
          return [len, bytes];
        }),
      );
      const body = options.gzip ? gzipSync(raw) : raw;
      const header = new Compact();
      header.struct(() => {
        header.i32(1, 0); // DATA_PAGE
        header.i32(2, raw.length);
        header.i32(3, body.length);
        header.field(5, 12, () =>
          header.struct(() => {
            header.i32(1, values.length);
            header.i32(2, 0); // PLAIN
            header.i32(3, 3); // RLE
            header.i32(4, 3);
          }),
        );
      });
      const page = Buffer.concat([header.bytes(), body]);
      const chunk = { name, offset, values: values.length, raw: header.bytes().length + raw.length, packed: page.length };
      parts.push(page);
      offset += page.length;
      return chunk;
    });
    groups.push({ chunks, rows: end - start, bytes: chunks.reduce((n, c) => n + c.raw, 0) });
  }
  const meta = new Compact();
  meta.struct(() => {
    meta.i32(1, 1);
    meta.list(2, 12, [{ root: true, name: 'schema' }, ...names.map((name) => ({ root: false, name }))], (el) =>
      meta.struct(() => {
        if (!el.root) meta.i32(1, 6); // BYTE_ARRAY
        if (!el.root) meta.i32(3, 0); // REQUIRED
        meta.binary(4, el.name);
        if (el.root) meta.i32(5, names.length);
        else meta.i32(6, 0); // UTF8
      }),
    );
    meta.i64(3, rows);
    meta.list(4, 12, groups, (g) =>
      meta.struct(() => {
        meta.list(1, 12, g.chunks, (c) =>
          meta.struct(() => {
            meta.i64(2, c.offset);
            meta.field(3, 12, () =>
              meta.struct(() => {
                meta.i32(1, 6);
                meta.list(2, 5, [0], (e) => meta.varint(zigzag(e)));
                meta.list(3, 8, [c.name], (n) => meta.rawBinary(n));
                meta.i32(4, options.gzip ? 2 : 0);
                meta.i64(5, c.values);
                meta.i64(6, c.raw);
                meta.i64(7, c.packed);
                meta.i64(9, c.offset);
              }),
            );
          }),
        );
        meta.i64(2, g.bytes);
        meta.i64(3, g.rows);
      }),
    );
  });
  const footer = meta.bytes();
  const len = Buffer.alloc(4);
  len.writeUInt32LE(footer.length);
  writeFileSync(file, Buffer.concat([...parts, footer, len, Buffer.from('PAR1')]));
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

/** Thrift compact protocol, just the parts Parquet metadata needs. */
class Compact {
  private readonly out: number[] = [];
  private last: number[] = [0];

  bytes(): Buffer {
    return Buffer.from(this.out);
  }

  varint(n: number): void {
    let v = n;
    while (v >= 0x80) {
      this.out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.out.push(v);
  }

  field(id: number, type: number, write: () => void): void {
    const delta = id - this.last[this.last.length - 1]!;
    if (delta > 0 && delta <= 15) this.out.push((delta << 4) | type);
    else {
      this.out.push(type);
      this.varint(zigzag(id));
    }
    this.last[this.last.length - 1] = id;
    write();
  }

  struct(write: () => void): void {
    this.last.push(0);
    write();
    this.out.push(0);
    this.last.pop();
  }

  i32(id: number, v: number): void {
    this.field(id, 5, () => this.varint(zigzag(v)));
  }

  i64(id: number, v: number): void {
    this.field(id, 6, () => this.varint(zigzag(v)));
  }

  rawBinary(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.varint(b.length);
    for (const x of b) this.out.push(x);
  }

  binary(id: number, s: string): void {
    this.field(id, 8, () => this.rawBinary(s));
  }

  list<T>(id: number, elemType: number, items: T[], write: (item: T) => void): void {
    this.field(id, 9, () => {
      if (items.length < 15) this.out.push((items.length << 4) | elemType);
      else {
        this.out.push(0xf0 | elemType);
        this.varint(items.length);
      }
      for (const item of items) write(item);
    });
  }
}
