import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { InputError, messageSchema } from '../../spec/index.js';
import { ReplayIndex } from './replay-index.js';

const common = { response: z.string(), finish: z.string().optional(), latencyMs: z.number().nonnegative().optional() };
const lineSchema = z.union([
  z.object({ messages: z.array(messageSchema).min(1), ...common }).strict(),
  z.object({ prompt: z.string(), ...common }).strict(),
]);

const EXPECTED =
  'expected {"messages": [{"role": "user", "content": "…"}], "response": "…"} or {"prompt": "…", "response": "…"} (optional "finish", "latencyMs")';

/** Parses a JSONL recording. Bad lines are input errors naming the file and line. */
export function parseReplayJsonl(text: string, file: string): ReplayIndex {
  const index = new ReplayIndex(file);
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || problems.length >= 5) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      problems.push(`${file}:${i + 1}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(`${file}:${i + 1}: ${EXPECTED}`);
      return;
    }
    const r = parsed.data;
    const messages = 'messages' in r ? r.messages : [{ role: 'user' as const, content: r.prompt }];
    index.add({ messages, response: r.response, finish: r.finish, latencyMs: r.latencyMs });
  });
  if (problems.length > 0) throw new InputError(`invalid replay file ${file}\n${problems.join('\n')}`);
  return index;
}

const cache = new Map<string, { stamp: string; index: ReplayIndex }>();

/** Parsed once per file version and shared, so many targets over one recording cost one parse. */
export function loadReplayFile(file: string): ReplayIndex {
  const stamp = fileStamp(file);
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = parseReplayJsonl(readFileSync(file, 'utf8'), file);
  cache.set(file, { stamp, index });
  return index;
}

export function assertReadable(file: string): void {
  fileStamp(file);
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    if (!s.isFile()) throw new Error('not a file');
    return `${s.mtimeMs}:${s.size}`;
  } catch (e) {
    throw new InputError(
      `cannot read replay file ${file}: ${e instanceof Error ? e.message : String(e)} (expected a JSONL recording or a built-in such as xstest/gpt4)`,
      { cause: e },
    );
  }
}
