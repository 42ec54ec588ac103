import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../spec/index.js';
import { decodeUtf8, yamlValue } from '../util/index.js';
import { packSchema, type Pack } from '../spec/index.js';
import { checkPack, type PackCheck } from './check-pack.js';
import { describeIssue, flattenIssues } from './flatten-issues.js';
import { formatPath, locateIssue } from './yaml-errors.js';

export interface PackLoadOptions {
  /** Checks beyond the pack's own (which mutator names exist is the mutators module's to say). */
  checks?: PackCheck[];
}

/** Parses and validates a pack from YAML text. Every error names file, line, field and what was expected. */
export function parsePack(text: string, file: string, o: PackLoadOptions = {}): Pack {
  const fast = parseJsonPack(text, o);
  if (fast) return fast;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const msgs = doc.errors.map((e) => {
      const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return `${file}:${at ? `${at.line}:${at.col}` : '?'}: YAML syntax error: ${e.message.split('\n')[0]}`;
    });
    throw new InputError(msgs.join('\n'));
  }
  const js = yamlValue(doc);
  if ('error' in js) throw new InputError(`${file}: cannot read the YAML: ${js.error}`);
  const parsed = packSchema.safeParse(js.value);
  if (!parsed.success) {
    const msgs = flattenIssues(parsed.error.issues).slice(0, 20).map((issue) => {
      const at = locateIssue(doc, lines, issue);
      const where = at ? `${file}:${at.line}:${at.col}` : file;
      const field = issue.code === 'unrecognized_keys' ? formatPath([...issue.path, issue.keys[0] ?? '']) : formatPath(issue.path);
      return { line: at?.line ?? 0, col: at?.col ?? 0, text: `${where}: ${field}: ${describeIssue(issue)}` };
    });
    throw new InputError(`invalid pack ${file}\n${sortByLine(msgs).join('\n')}`);
  }
  const problems = [checkPack, ...(o.checks ?? [])].flatMap((check) => check(parsed.data));
  if (problems.length > 0) {
    const msgs = problems.map((p) => {
      const at = locateIssue(doc, lines, { code: 'custom', path: p.path, message: p.message, input: undefined });
      return { line: at?.line ?? 0, col: at?.col ?? 0, text: `${at ? `${file}:${at.line}:${at.col}` : file}: ${formatPath(p.path)}: ${p.message}` };
    });
    throw new InputError(`invalid pack ${file}\n${sortByLine(msgs).slice(0, 20).join('\n')}`);
  }
  return parsed.data;
}

function sortByLine(msgs: Array<{ line: number; col: number; text: string }>): string[] {
  return [...msgs].sort((a, b) => a.line - b.line || a.col - b.col).map((m) => m.text);
}

/**
 * A large pack written as JSON (a generated one: 20,000 intents) parses as JSON in a fraction of
 * the time and memory the YAML document model takes. Only a pack that validates takes this path;
 * anything else goes through YAML, whose positions make the error messages.
 */
function parseJsonPack(text: string, o: PackLoadOptions): Pack | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = packSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const problems = [checkPack, ...(o.checks ?? [])].flatMap((check) => check(parsed.data));
  return problems.length === 0 ? parsed.data : undefined;
}

export function loadPack(file: string, o: PackLoadOptions = {}): Pack {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read pack ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) throw new InputError(`${file}:${decoded.line}:${decoded.col}: not UTF-8 text (save the pack as UTF-8)`);
  return parsePack(decoded.text, file, o);
}
