import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openSqliteFile } from '../../src/store/index.js';
import { escapeMarkdown } from '../../src/util/index.js';
import { cli } from '../helpers/cli.js';
import { startSqliteDashboard } from '../helpers/sqlite-dashboard.js';
import { keywordJudge } from '../monitor/keyword-judge.js';
import { useTmpDir } from '../helpers/tmp-dir.js';
import { useClosers } from '../helpers/closers.js';
import { ONE_INTENT_PACK } from '../helpers/one-intent-pack.js';

const tmp = useTmpDir('faults-hostile-');
const closers = useClosers();

/** A user's mistake or a hostile file is a message and a documented code, never a stack. */
function refused(r: { code: number | null; stderr: string }, code: number, message: RegExp | string): void {
  expect(r.code, r.stderr).toBe(code);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toContain('unexpected error');
}

// A billion laughs: each level doubles the aliases the next one expands.
const ALIAS_BOMB = [
  'a: &a ["lol", "lol"]',
  ...Array.from(
    { length: 20 },
    (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
  ),
].join('\n');

describe('hostile files are input errors (exit 3) naming the file', () => {
  it('a YAML alias bomb in a pack, a gate policy and an http target config', async () => {
    const d = tmp();
    writeFileSync(join(d, 'bomb.yaml'), `${ALIAS_BOMB}\n`);
    writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
    refused(await cli(['packs', 'validate', join(d, 'bomb.yaml')]), 3, `${join(d, 'bomb.yaml')}: cannot read the YAML`);
    const db = ['--db', join(d, 'd.db')];
    refused(
      await cli(['run', join(d, 'p.yaml'), '--target', 'scripted:refuse-all', '--gate', join(d, 'bomb.yaml'), ...db]),
      3,
      "cannot read the gate policy's YAML",
    );
    refused(
      await cli(['run', join(d, 'p.yaml'), '--target', `http:${join(d, 'bomb.yaml')}`, ...db]),
      3,
      `${join(d, 'bomb.yaml')}: cannot read the YAML`,
    );
  });

  it('a pack that is not UTF-8 names the file, line and column of the first bad byte', async () => {
    const d = tmp();
    const file = join(d, 'latin1.yaml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('id: p\nprinciples:\n  - id: w\n    statement: Do not help.\n    intents:\n      - { id: a, prompt: "caf'),
        Buffer.from([0xe9]),
        Buffer.from('" }\n'),
      ]),
    );
    refused(await cli(['packs', 'validate', file]), 3, `${file}:6:31: not UTF-8 text`);
  });

  it('an http target config whose url is file:// (or any scheme but http and https)', async () => {
    const d = tmp();
    writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
    writeFileSync(join(d, 'http.yaml'), 'url: file:///etc/passwd\nbody: { prompt: "{{prompt}}" }\nresponsePath: answer\n');
    refused(
      await cli(['run', join(d, 'p.yaml'), '--target', `http:${join(d, 'http.yaml')}`, '--db', join(d, 'd.db')]),
      3,
      'url: expected an http(s) URL, got the file: scheme',
    );
  });

  it('a CSV corpus whose header names the text column twice', async () => {
    const d = tmp();
    writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
    writeFileSync(join(d, 'c.csv'), 'text,id,text\n"bad request",1,"something else"\n');
    refused(
      await cli(['audit', join(d, 'p.yaml'), '--corpus', join(d, 'c.csv'), '--out', join(d, 'out')]),
      3,
      'the header names the column "text" 2 times (columns 1 and 3)',
    );
  });

  it('monitor ingest given a directory', async () => {
    const d = tmp();
    mkdirSync(join(d, 'logs'));
    refused(
      await cli(['monitor', 'ingest', join(d, 'logs'), '--db', join(d, 'd.db')]),
      3,
      `${join(d, 'logs')}: a directory, not a log file`,
    );
  });
});

describe('bounded where a number or a line could take all the memory', () => {
  it('--samples 1e9 is a usage error before anything is planned', async () => {
    const d = tmp();
    writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
    refused(
      await cli(['run', join(d, 'p.yaml'), '--target', 'scripted:refuse-all', '--samples', '1e9', '--db', join(d, 'd.db')]),
      2,
      '--samples must be a whole number from 1 to 100',
    );
    const runs = await cli(['runs', '--db', join(d, 'd.db')]);
    expect(runs.stdout).not.toMatch(/running/);
  });

  it('a gzip that inflates to one 40 MB line is skipped and said so; the audit reads the rest', async () => {
    const d = tmp();
    writeFileSync(join(d, 'p.yaml'), ONE_INTENT_PACK);
    const line = JSON.stringify({ text: 'x'.repeat(40 * 1024 * 1024) });
    writeFileSync(join(d, 'c.jsonl.gz'), gzipSync(`${line}\n${JSON.stringify({ text: 'bad request' })}\n`));
    const r = await cli(['audit', join(d, 'p.yaml'), '--corpus', join(d, 'c.jsonl.gz'), '--out', join(d, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/1 skipped \(first: .*c\.jsonl\.gz:1: a line longer than 16777216 bytes; skipped unread\)/);
    expect(r.stdout).toContain('1 contaminated');
  });
});

describe('what others read', () => {
  it("report.md does not ping people or link issues from a model's answer", () => {
    const out = escapeMarkdown('thanks @octocat, see #123 and org/repo#45');
    expect(out).not.toMatch(/@[\w-]/);
    expect(out).not.toMatch(/#\d/);
    expect(out.replace(/\u200b/g, '')).toBe('thanks @octocat, see #123 and org/repo#45');
  });

  it('a malformed %-escape in a dashboard address is 400, not 500', async () => {
    const file = openSqliteFile(join(tmp(), 'd.db'));
    const { server } = await startSqliteDashboard(file, { port: 0, judge: keywordJudge() });
    closers.push(async () => {
      await server.close();
      file.close();
    });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/runs/%E0%A4%A`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });

  it('serve beyond loopback refuses a token a guess would find', async () => {
    const d = tmp();
    refused(
      await cli(['serve', '--host', '0.0.0.0', '--port', '0', '--token', 'x', '--db', join(d, 'd.db')]),
      2,
      'must be at least 16 characters',
    );
  });
});
