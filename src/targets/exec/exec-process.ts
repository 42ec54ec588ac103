import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { TargetError } from '../../spec/index.js';
import { short } from '../truncate.js';
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
}

const STDERR_TAIL = 2000;

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

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.failAll(new TargetError('cancelled', `exec target "${this.o.command}" was closed`));
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 2000);
    await exited;
    clearTimeout(timer);
  }

  private ensureChild(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const [file, ...args] = this.o.argv;
    const child = spawn(file ?? '', args, { stdio: ['pipe', 'pipe', 'pipe'], env: this.o.env });
    this.child = child;
    this.stderr = '';
    this.acceptsCancel = false;
    child.stdin.on('error', () => undefined); // EPIPE after a crash; the exit handler reports it.
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-STDERR_TAIL)));
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => this.onLine(line));
    child.on('error', (e) => {
      if (this.child === child) this.child = undefined;
      this.failAll(new TargetError('config', `cannot start exec target "${this.o.command}": ${e.message}`, undefined, { cause: e }));
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
