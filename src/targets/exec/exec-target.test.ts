import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../spec/index.js';
import { createTarget } from '../create-target.js';
import { splitCommand } from './split-command.js';

const unexpected = (): never => {
  throw new Error('resolved instead of failing');
};

const dir = mkdtempSync(join(tmpdir(), 'rd-exec-target-'));
const targets: Target[] = [];
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close?.()));
  rmSync(dir, { recursive: true, force: true });
});

/** A JSON-lines program from a script body; `reply(line, n)` answers the n-th request line. */
function program(name: string, body: string, settings: { timeoutMs?: number } = {}): Target {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { createInterface } from 'node:readline';\nlet n = 0;\nconst out = (v) => process.stdout.write(JSON.stringify(v) + '\\n');\n${body}\n`,
  );
  const t = createTarget(`exec:'${process.execPath}' '${file}'`, { env: { PATH: process.env.PATH }, retries: 0, ...settings });
  targets.push(t);
  return t;
}

const ask = (content: string): { messages: Array<{ role: 'user'; content: string }> } => ({ messages: [{ role: 'user', content }] });

describe('splitCommand', () => {
  it('splits words like a shell without expanding anything', () => {
    expect(splitCommand('python guard.py --model small')).toEqual(['python', 'guard.py', '--model', 'small']);
    expect(splitCommand(`node 'my dir/x.js' "a \\"b\\" c" d\\ e '' $HOME`)).toEqual(['node', 'my dir/x.js', 'a "b" c', 'd e', '', '$HOME']);
    expect(splitCommand('  a\t b  ')).toEqual(['a', 'b']);
    expect(() => splitCommand("echo 'open")).toThrow(/unclosed ' quote/);
  });
});

describe('exec target', () => {
  it('matches replies to requests by id when they come back out of order', async () => {
    const t = program(
      'reverse',
      `const held = [];\ncreateInterface({ input: process.stdin }).on('line', (l) => {\n  held.push(JSON.parse(l));\n  if (held.length === 3) for (const r of held.reverse()) out({ id: r.id, text: 'answer to ' + r.messages[0].content, finish: 'stop' });\n});`,
    );
    const replies = await Promise.all(['one', 'two', 'three'].map((c) => t.generate(ask(c))));
    expect(replies.map((r) => r.text)).toEqual(['answer to one', 'answer to two', 'answer to three']);
    expect(replies[0]?.finish).toEqual({ unified: 'stop', raw: 'stop' });
  });

  it('fails pending requests with the stderr tail when the program dies, then starts it again', async () => {
    const t = program(
      'crashy',
      `createInterface({ input: process.stdin }).on('line', (l) => {\n  const r = JSON.parse(l);\n  if (r.messages[0].content === 'crash') { process.stderr.write('loading weights\\nfatal: model crashed\\n'); process.exit(3); }\n  out({ id: r.id, text: 'pid ' + process.pid });\n});`,
    );
    const first = await t.generate(ask('hello'));
    const e = await t.generate(ask('crash')).then(unexpected, (err: unknown) => err as Error);
    expect(e).toMatchObject({ name: 'TargetError', kind: 'bad-response' });
    expect(e.message).toContain('exited with code 3 before answering; stderr: loading weights\nfatal: model crashed');
    const again = await t.generate(ask('hello'));
    expect(again.text).toMatch(/^pid \d+$/);
    expect(again.text).not.toBe(first.text);
  });

  it('reports a reply that is not the protocol as a bad response', async () => {
    const t = program(
      'sloppy',
      `createInterface({ input: process.stdin }).on('line', (l) => {\n  const r = JSON.parse(l);\n  out({ id: r.id, txt: 'typo in the field name' });\n});`,
    );
    const e = await t.generate(ask('hi')).then(unexpected, (err: unknown) => err as Error);
    expect(e).toMatchObject({ kind: 'bad-response' });
    expect(e.message).toContain('wrote a malformed reply');
    expect(e.message).toContain('expected "text", "refusal" or "error"');
  });

  it('records a reported error as the kind the program names, and a refusal as a refusal', async () => {
    const t = program(
      'guard',
      `createInterface({ input: process.stdin }).on('line', (l) => {\n  const r = JSON.parse(l);\n  if (r.messages[0].content === 'blocked') return out({ id: r.id, refusal: 'Blocked by policy G-7.', finish: 'content_filter' });\n  out({ id: r.id, error: 'upstream said 400', kind: 'http', status: 400 });\n});`,
    );
    await expect(t.generate(ask('other'))).rejects.toMatchObject({
      kind: 'http',
      status: 400,
      message: `exec target "${t.id.slice(5)}" reported: upstream said 400`,
    });
    const r = await t.generate(ask('blocked'));
    expect(r).toMatchObject({
      text: 'Blocked by policy G-7.',
      providerRefusal: 'Blocked by policy G-7.',
      finish: { unified: 'refusal', raw: 'content_filter' },
    });
  });

  it('ends the program on close()', async () => {
    const t = program(
      'pid',
      `createInterface({ input: process.stdin }).on('line', (l) => out({ id: JSON.parse(l).id, text: String(process.pid) }));`,
    );
    const pid = Number((await t.generate(ask('pid?'))).text);
    expect(() => process.kill(pid, 0)).not.toThrow();
    await t.close?.();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    await expect(t.generate(ask('after close'))).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('tells a program that asked for it which requests were abandoned, and no other program', async () => {
    // The program marks when it has read the slow request, so the test abandons it then, however long start-up took.
    const body = (hello: boolean, marker: string) =>
      `import { writeFileSync } from 'node:fs';\n${hello ? 'out({ hello: { cancel: true } });\n' : ''}const cancelled = [];\ncreateInterface({ input: process.stdin }).on('line', (l) => {\n  const r = JSON.parse(l);\n  if (r.cancel) return cancelled.push(r.id);\n  const text = r.messages[0].content;\n  if (text === 'slow') return writeFileSync(${JSON.stringify(marker)}, '');\n  out({ id: r.id, text: text + ' ' + process.pid + ' cancelled:' + cancelled.join(',') });\n});`;
    const abandon = async (t: Target, marker: string): Promise<void> => {
      const ctl = new AbortController();
      const slow = t.generate(ask('slow'), { signal: ctl.signal });
      while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 10));
      ctl.abort();
      await expect(slow).rejects.toMatchObject({ kind: 'cancelled' });
    };
    const politeMarker = join(dir, 'polite-read-slow');
    const polite = program('hello-cancel', body(true, politeMarker));
    const pid = (await polite.generate(ask('hi'))).text.split(' ')[1];
    await abandon(polite, politeMarker);
    expect((await polite.generate(ask('after'))).text).toBe(`after ${pid} cancelled:2`);
    // A program that never said hello reads only requests: it would crash on a cancel line (r.messages is undefined).
    const plainMarker = join(dir, 'plain-read-slow');
    const plain = program('no-hello', body(false, plainMarker));
    const plainPid = (await plain.generate(ask('hi'))).text.split(' ')[1];
    await abandon(plain, plainMarker);
    expect((await plain.generate(ask('after'))).text).toBe(`after ${plainPid} cancelled:`);
  });
});
