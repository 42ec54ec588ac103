import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Socket } from 'node:net';
import { TargetError } from '../../spec/index.js';
import { short } from '../truncate.js';
import { boundedLines } from './bounded-lines.js';
import { execHelloSchema, execReplySchema, type ExecCancelLine, type ExecReply, type ExecRequestLine } from './exec-protocol.js';

interface Pending {
  resolve: (reply: ExecReply) => void;
  reject: (e: TargetError) => void;
}

export interface ExecProcessOptions {
  argv: string[];
  /** As typed, for messages. */
  command: string;
  env: Record<string, string | undefined>;
  /** The longest reply line read, in bytes; a longer one fails its request as `too-large`. */
  maxResponseBytes: number;
  /** How long `close` waits for the program to exit after stdin closes, and again after SIGTERM. */
  killGraceMs?: number;
}

const STDERR_TAIL = 2000;
const KILL_GRACE_MS = 2000;

/**
 * One long-lived child speaking JSON lines, with requests matched to replies by id so many can be
 * in flight. If the child dies, the requests it held fail (with its stderr) and the next request
 * starts a fresh child: one crashing input does not sink the rest of a run.
 */
export class ExecProcess {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  private closed = false;
  /** Every child started (one per crash), so `close` ends whatever each left behind. */
  private readonly started: ChildProcessWithoutNullStreams[] = [];
  /** The running child said `{"hello": {"cancel": true}}`. */
  private acceptsCancel = false;

  constructor(private readonly o: ExecProcessOptions) {}

  request(line: Omit<ExecRequestLine, 'id'>, signal: AbortSignal): Promise<ExecReply> {
    if (this.closed) return Promise.reject(new TargetError('cancelled', `exec target "${this.o.command}" is closed`));
    const child = this.ensureChild();
    const id = this.nextId++;
    return new Promise<ExecReply>((resolve, reject) => {
      // A cancelled or timed-out request is forgotten; its late reply is ignored.
      const onAbort = (): void => {
        if (!this.pending.delete(id)) return;
        if (this.acceptsCancel && this.child === child && child.exitCode === null)
          child.stdin.write(`${JSON.stringify({ id, cancel: true } satisfies ExecCancelLine)}\n`);
        this.refresh();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(id);
        this.refresh();
      };
      this.pending.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
      this.refresh();
      child.stdin.write(`${JSON.stringify({ id, ...line })}\n`);
    });
  }

  /**
   * Ends the program: stdin closes (its cue to exit), then SIGTERM, then SIGKILL, each to its
   * whole process group, so a program that ignores SIGTERM, or a child of it that still holds
   * stdout, can neither keep the CLI from finishing nor be left running.
   */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.failAll(new TargetError('cancelled', `exec target "${this.o.command}" was closed`));
    const grace = this.o.killGraceMs ?? KILL_GRACE_MS;
    if (child && child.exitCode === null && child.signalCode === null) {
      // Held while it is made to exit: an unreferenced child would let Node leave mid-wait.
      child.ref();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin.end();
      if (!(await settlesWithin(exited, grace))) {
        killGroup(child, 'SIGTERM');
        if (!(await settlesWithin(exited, grace))) {
          killGroup(child, 'SIGKILL');
          await exited;
        }
      }
    }
    // Whatever the program started is ended with it; its pipes are ours to let go.
    for (const c of this.started.splice(0)) {
      killGroup(c, 'SIGKILL');
      for (const stream of [c.stdin, c.stdout, c.stderr]) stream.destroy();
    }
  }

  private ensureChild(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const [file, ...args] = this.o.argv;
    // Its own process group, so `close` can end it together with anything it started.
    const child = spawn(file ?? '', args, { stdio: ['pipe', 'pipe', 'pipe'], env: this.o.env, detached: true });
    this.child = child;
    this.started.push(child);
    this.stderr = '';
    this.acceptsCancel = false;
    child.stdin.on('error', () => undefined); // EPIPE after a crash; the exit handler reports it.
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-STDERR_TAIL)));
    boundedLines(child.stdout, {
      maxBytes: this.o.maxResponseBytes,
      onLine: (line) => this.onLine(line),
      onOverflow: (head) => this.onOverflow(head),
    });
    child.on('error', (e) => {
      if (this.child === child) this.child = undefined;
      this.failAll(new TargetError('config', `cannot start exec target "${this.o.command}": ${e.message}`, undefined, { cause: e }));
    });
    // 'close' waits for stdout to end, which a grandchild holding it may never let happen: after
    // 'exit', the replies already written get a moment to be read, then the pending ones fail.
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
      setTimeout(() => child.stdout.destroy(), 1000).unref();
    });
    child.on('close', (code, sig) => {
      if (this.child === child) this.child = undefined;
      const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
      const tail = this.stderr.trim();
      this.failAll(
        new TargetError(
          'bad-response',
          `exec target "${this.o.command}" ${how} before answering${tail ? `; stderr: ${short(tail.slice(-500), 500)}` : ''}`,
        ),
      );
    });
    return child;
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Blame the request the line names if it names one, else the oldest: the stream is unreliable.
      const id = /"id"\s*:\s*(\d+)/.exec(line)?.[1];
      const target = (id !== undefined ? this.pending.get(Number(id)) : undefined) ?? this.pending.values().next().value;
      target?.reject(new TargetError('bad-response', `exec target "${this.o.command}" wrote a line that is not JSON: ${short(line, 200)}`));
      return;
    }
    const hello = execHelloSchema.safeParse(value);
    if (hello.success) {
      this.acceptsCancel = hello.data.hello.cancel === true;
      return;
    }
    const parsed = execReplySchema.safeParse(value);
    const id = typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' ? value.id : undefined;
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
      (pending ?? this.pending.values().next().value)?.reject(
        new TargetError('bad-response', `exec target "${this.o.command}" wrote a malformed reply (${problem}): ${short(line, 200)}`),
      );
      return;
    }
    pending?.resolve(parsed.data);
  }

  private onOverflow(head: string): void {
    const id = /"id"\s*:\s*(\d+)/.exec(head)?.[1];
    const target = (id !== undefined ? this.pending.get(Number(id)) : undefined) ?? this.pending.values().next().value;
    target?.reject(
      new TargetError(
        'too-large',
        `exec target "${this.o.command}" wrote a reply longer than ${this.o.maxResponseBytes} bytes (--max-response-bytes); it was not read`,
      ),
    );
  }

  private failAll(e: TargetError): void {
    for (const p of [...this.pending.values()]) p.reject(e);
  }

  /** Keeps the child from holding the event loop open while nothing is asked of it. */
  private refresh(): void {
    const child = this.child;
    if (!child) return;
    const busy = this.pending.size > 0;
    if (busy) child.ref();
    else child.unref();
    for (const stream of [child.stdout, child.stderr, child.stdin]) {
      if (stream instanceof Socket) {
        if (busy) stream.ref();
        else stream.unref();
      }
    }
  }
}

function settlesWithin(p: Promise<void>, ms: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void p.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function killGroup(child: ChildProcessWithoutNullStreams, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    // ESRCH: the group is gone already.
  }
}
