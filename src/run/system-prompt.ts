import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../spec/index.js';

/** `--system <file|text>`: a file's content when the value names a file, else the value itself. */
export function systemPromptOf(value: string, cwd: string): string {
  const file = resolve(cwd, value);
  if (value.length > 4096 || !existsSync(file) || !statSync(file).isFile()) return value;
  const text = readFileSync(file, 'utf8').trimEnd();
  if (text.trim() === '') throw new InputError(`--system ${value}: the file is empty; expected the system prompt`);
  return text;
}
