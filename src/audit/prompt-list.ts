import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../spec/index.js';
import type { DrillPrompt } from './drill-prompt.js';

/**
 * Prompts to audit from a file, e.g. attacker-generated rephrasings before they join a pack:
 * `.jsonl` lines `{"text": "...", "id"?: "...", "intent"?: "<pack>/<principle>/<intent>"}`
 * (`prompt` also works for `text`), or any other file with one prompt per non-blank line.
 * Prompts naming an intent count as candidates for it in `--suggest`.
 */
export function loadPromptList(file: string): DrillPrompt[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read prompt list ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const name = basename(file);
  const jsonl = /\.(jsonl|ndjson)$/i.test(file);
  const out: DrillPrompt[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${file}:${i + 1}`;
    if (!jsonl) {
      out.push({ caseId: `${name}:${i + 1}`, text: line, kind: 'listed' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new InputError(`${at}: not a JSON object (${e instanceof Error ? e.message : String(e)})`);
    }
    const o = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const prompt = typeof o.text === 'string' ? o.text : o.prompt;
    if (typeof prompt !== 'string' || prompt.trim() === '') throw new InputError(`${at}: text: expected a non-empty string (or "prompt")`);
    if (o.id !== undefined && typeof o.id !== 'string') throw new InputError(`${at}: id: expected a string`);
    if (o.intent !== undefined && typeof o.intent !== 'string')
      throw new InputError(`${at}: intent: expected a string such as "pack/principle/intent"`);
    const caseId = typeof o.id === 'string' ? o.id : `${name}:${i + 1}`;
    out.push(
      typeof o.intent === 'string'
        ? { caseId, text: prompt, kind: 'candidate', intent: o.intent }
        : { caseId, text: prompt, kind: 'listed' },
    );
  });
  return out;
}
