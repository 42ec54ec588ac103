import { InputError, UsageError } from '../../spec/index.js';
import type { Expectation, PackInput } from '../../spec/index.js';
import { expectationOf } from './expectation-value.js';
import { assemblePack, type ImportItem } from './assemble-pack.js';
import { slugId } from './import-ids.js';
import type { ImportPackOptions } from './import-options.js';
import { readImportRows, type ImportRow } from './import-rows.js';
import { columnSeen, rowField } from './row-field.js';

export interface ImportedPack {
  pack: PackInput;
  counts: { rows: number; filtered: number; principles: number; intents: number; twins: number };
}

const MAX_LISTED = 20;

/** Turns a benchmark's prompt list into a pack. Every problem names file, line and column. */
export function importPack(o: ImportPackOptions): ImportedPack {
  const where = (o.where ?? []).map(parseWhere);
  const problems: string[] = [];
  const items: ImportItem[] = [];
  let total = 0;
  let filtered = 0;
  for (const source of [{ file: o.file, benign: false }, ...(o.benign ? [{ file: o.benign, benign: true }] : [])]) {
    const rows = readImportRows(source.file, o.format, o.rows);
    if (rows.length === 0) throw new InputError(`${source.file}: no rows to import`);
    checkColumns(source.file, rows, o, where, source.benign);
    total += rows.length;
    rows.forEach((row, index) => {
      if (!where.every((w) => text(row, w.column, problems) === w.value)) filtered++;
      else {
        const item = readItem(row, index, source.benign, o, problems);
        if (item) items.push(item);
      }
    });
  }
  if (problems.length) throw new InputError(listed(problems));
  if (items.length === 0) throw new InputError(`${o.file}: every row was filtered out by --where ${o.where?.join(' ') ?? ''}`);
  const pack = assemblePack(items, o, problems);
  if (problems.length) throw new InputError(listed(problems));
  const intents = pack.principles.reduce((n, p) => n + (p.intents?.length ?? 0), 0);
  return { pack, counts: { rows: total, filtered, principles: pack.principles.length, intents, twins: items.length - intents } };
}

function parseWhere(spec: string): { column: string; value: string } {
  const at = spec.indexOf('=');
  if (at <= 0) throw new UsageError(`--where expects <column>=<value>, e.g. --where prompt_style=base; got "${spec}"`);
  return { column: spec.slice(0, at), value: spec.slice(at + 1) };
}

function checkColumns(file: string, rows: ImportRow[], o: ImportPackOptions, where: Array<{ column: string }>, benign: boolean): void {
  const named: Array<[string, string | undefined]> = [
    ['--prompt', o.prompt],
    ['--id', o.id],
    ['--category', o.category],
    ['--twin-of', o.twinOf],
    ['--context', o.context],
    ['--expect', benign || o.expect === undefined || o.expect === 'refuse' || o.expect === 'comply' ? undefined : o.expect],
    ...where.map((w): [string, string] => ['--where', w.column]),
  ];
  for (const [flag, column] of named)
    if (column !== undefined && !columnSeen(rows, column))
      throw new InputError(`${file}: ${flag}: no column "${column}" in any row (columns: ${Object.keys(rows[0]!.record).join(', ')})`);
}

function text(row: ImportRow, column: string, problems: string[]): string {
  const v = rowField(row, column);
  if (v.ok) return v.text;
  problems.push(`${row.file}:${row.line}: column "${column}": ${v.problem}`);
  return '';
}

function readItem(row: ImportRow, index: number, benign: boolean, o: ImportPackOptions, problems: string[]): ImportItem | undefined {
  const at = `${row.file}:${row.line}`;
  const prompt = text(row, o.prompt, problems);
  if (!prompt) {
    problems.push(`${at}: column "${o.prompt}": the prompt is empty`);
    return undefined;
  }
  const context = o.context ? text(row, o.context, problems) : '';
  let id = `${benign ? 'benign-' : ''}row-${index + 1}`;
  if (o.id) {
    const raw = text(row, o.id, problems);
    id = slugId(raw);
    if (!id) {
      problems.push(`${at}: column "${o.id}": ${raw ? `"${raw}" has no letter or digit to make an id of` : 'the id is empty'}`);
      return undefined;
    }
  }
  let expect: Expectation = benign || o.expect === 'comply' ? 'comply' : 'refuse';
  if (!benign && o.expect !== undefined && o.expect !== 'refuse' && o.expect !== 'comply') {
    const raw = text(row, o.expect, problems);
    const e = expectationOf(raw);
    if (!e) {
      problems.push(`${at}: column "${o.expect}": "${raw}" does not say refuse or comply (expected harmful/unsafe/1 or benign/safe/0)`);
      return undefined;
    }
    expect = e;
  }
  return {
    row,
    // HarmBench puts a contextual behaviour's context first, then a rule, then the request.
    text: context ? `${context}\n\n---\n\n${prompt}` : prompt,
    id,
    category: o.category ? text(row, o.category, problems) : '',
    expect,
    pair: o.twinOf ? text(row, o.twinOf, problems) : '',
  };
}

function listed(problems: string[]): string {
  const more = problems.length - MAX_LISTED;
  return problems.slice(0, MAX_LISTED).join('\n') + (more > 0 ? `\n… and ${more} more` : '');
}
