import { readFileSync } from 'node:fs';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { InputError, TargetError } from '../../spec/index.js';
import { yamlValue } from '../../util/index.js';
import { parseJsonPath, type PathStep } from './json-path.js';
import { placeholdersIn, REQUEST_PLACEHOLDERS } from './render-template.js';

const jsonPath = z.string().refine((p) => parseJsonPath(p) !== undefined, 'expected a path like choices[0].message.content');

export const httpConfigSchema = z
  .object({
    /** The target id in the store and cache key; default derived from the URL and templates. */
    id: z
      .string()
      .regex(/^[\w.:@/#-]+$/, 'expected an id of letters, digits and . : @ / # - _')
      .optional(),
    url: z.string().min(1, 'expected the endpoint URL'),
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(['POST', 'PUT', 'PATCH', 'GET'], 'expected POST, PUT, PATCH or GET'))
      .default('POST'),
    headers: z.record(z.string(), z.string({ error: 'expected a string header value' })).default({}),
    /** The value of {{model}}. */
    model: z.string().optional(),
    /** An object/array template, or a JSON text template with JSON-valued placeholders. */
    body: z
      .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())], 'expected an object, an array or a JSON text template')
      .optional(),
    responsePath: jsonPath,
    finishPath: jsonPath.optional(),
    refusalPath: jsonPath.optional(),
  })
  .strict();
export type HttpConfigInput = z.input<typeof httpConfigSchema>;

export interface HttpConfig extends Omit<z.infer<typeof httpConfigSchema>, 'responsePath' | 'finishPath' | 'refusalPath'> {
  file: string;
  responsePath: { text: string; steps: PathStep[] };
  finishPath?: { text: string; steps: PathStep[] };
  refusalPath?: { text: string; steps: PathStep[] };
}

/** Reads and validates an http target config; every error names the file, line and field. */
export function loadHttpConfig(file: string, env: Record<string, string | undefined>): HttpConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read http target config ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = e?.linePos?.[0] ?? (e ? lines.linePos(e.pos[0]) : undefined);
    throw new InputError(`${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML/JSON: ${e?.message.split('\n')[0] ?? ''}`);
  }
  const js = yamlValue(doc);
  if ('error' in js) throw new InputError(`${file}: cannot read the YAML: ${js.error}`);
  const parsed = httpConfigSchema.safeParse(js.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
      const field = path.map(String).join('.') || '(top level)';
      const what =
        unknownKey === undefined ? issue.message : `unknown field (expected one of ${Object.keys(httpConfigSchema.shape).join(', ')})`;
      return `${where(file, doc, lines, path, unknownKey !== undefined)}: ${field}: ${what}`;
    });
    throw new InputError(`invalid http target config ${file}\n${problems.join('\n')}`);
  }
  const c = parsed.data;
  checkPlaceholders(file, doc, lines, c, env);
  if (c.method !== 'GET' && c.body === undefined) {
    throw new InputError(`${file}: body: required for ${c.method}; e.g. body: { model: "{{model}}", messages: "{{messages}}" }`);
  }
  const path = (text: string): { text: string; steps: PathStep[] } => ({ text, steps: parseJsonPath(text) ?? [] });
  return {
    ...c,
    file,
    responsePath: path(c.responsePath),
    finishPath: c.finishPath === undefined ? undefined : path(c.finishPath),
    refusalPath: c.refusalPath === undefined ? undefined : path(c.refusalPath),
  };
}

function checkPlaceholders(
  file: string,
  doc: Document,
  lines: LineCounter,
  c: z.infer<typeof httpConfigSchema>,
  env: Record<string, string | undefined>,
): void {
  const strings: Array<[PropertyKey[], string, boolean]> = [
    [['url'], c.url, false],
    ...Object.entries(c.headers).map(([k, v]): [PropertyKey[], string, boolean] => [['headers', k], v, false]),
  ];
  const visit = (path: PropertyKey[], v: unknown): void => {
    if (typeof v === 'string') strings.push([path, v, true]);
    else if (Array.isArray(v)) v.forEach((item, i) => visit([...path, i], item));
    else if (typeof v === 'object' && v !== null) for (const [k, item] of Object.entries(v)) visit([...path, k], item);
  };
  visit(['body'], c.body);
  for (const [path, value, requestValuesAllowed] of strings) {
    for (const name of placeholdersIn(value)) {
      const at = `${where(file, doc, lines, path)}: ${path.map(String).join('.')}`;
      if (name.startsWith('env.')) {
        const variable = name.slice(4);
        if (env[variable] === undefined || env[variable] === '') {
          throw new TargetError('config', `${at} uses {{${name}}} but the environment variable ${variable} is not set`);
        }
      } else if (!requestValuesAllowed || !(REQUEST_PLACEHOLDERS as readonly string[]).includes(name)) {
        const allowed = requestValuesAllowed
          ? `${REQUEST_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')} or {{env.NAME}}`
          : '{{env.NAME}} only';
        throw new InputError(`${at}: unknown placeholder {{${name}}} (expected ${allowed})`);
      }
    }
  }
}

/** `file:line:col` of the node at `path` (of its key, for an unknown field), else of its nearest parent. */
function where(file: string, doc: Document, lines: LineCounter, path: readonly PropertyKey[], atKey = false): string {
  const keys = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  const at = (offset: number): string => {
    const pos = lines.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (atKey && keys.length > 0) {
    const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(keys[keys.length - 1]))
      : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
  }
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return file;
}
