/**
 * Named errors with a documented exit code each (see README "Exit codes").
 * `isInstance` works across module copies, like the AI SDK's errors.
 */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  input: 3,
  target: 4,
  store: 5,
  internal: 70,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const MARK = Symbol.for('refusal-drill.error');

export class DrillError extends Error {
  readonly [MARK] = true;
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DrillError';
  }
  static isInstance(e: unknown): e is DrillError {
    return typeof e === 'object' && e !== null && MARK in e;
  }
}

/** Bad user input: a pack, config or data file that does not validate. Names file, line and field. */
export class InputError extends DrillError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.input, options);
    this.name = 'InputError';
  }
}

export class UsageError extends DrillError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

export class StoreError extends DrillError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.store, options);
    this.name = 'StoreError';
  }
}

export const targetErrorKinds = [
  'network',
  'timeout',
  'http',
  'rate-limit',
  'auth',
  'bad-response',
  'not-recorded',
  'cancelled',
  'config',
  'too-large',
] as const;
export type TargetErrorKind = (typeof targetErrorKinds)[number];

/** A failed generation. Recorded as an error verdict, never as a refusal or a compliance. */
export class TargetError extends DrillError {
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, EXIT.target, options);
    this.name = 'TargetError';
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
  get retryable(): boolean {
    return (
      this.kind === 'rate-limit' ||
      this.kind === 'timeout' ||
      this.kind === 'network' ||
      (this.kind === 'http' && (this.status ?? 0) >= 500)
    );
  }
  static override isInstance(e: unknown): e is TargetError {
    return DrillError.isInstance(e) && e.name === 'TargetError';
  }
}
