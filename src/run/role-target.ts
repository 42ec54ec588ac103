import { TargetError, UsageError, type Target } from '../spec/index.js';

/** The three models a run may talk to; every error says which one failed. */
export type TargetRole = 'target' | 'attacker' | 'judge';

const FLAG: Record<TargetRole, string> = { target: '--target', attacker: '--attacker', judge: '--judge llm:' };

/**
 * Builds one of a run's models. A key or URL missing at build time is a usage error naming the
 * role and its flag (exit 2 before any case runs), not a target failure of every case.
 */
export function buildRole<T>(role: TargetRole, spec: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (TargetError.isInstance(e) && (e.kind === 'auth' || e.kind === 'config'))
      throw new UsageError(`${FLAG[role]}${role === 'judge' ? '' : ' '}${spec} (the ${role}): ${e.message}`);
    throw e;
  }
}

/**
 * The attacker's and the LLM judge's failures carry their role in the message, so an error in a
 * result or on the terminal never reads as the model under drill failing.
 */
export function labelErrors(role: Exclude<TargetRole, 'target'>, target: Target): Target {
  return {
    id: target.id,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    async generate(request, options) {
      try {
        return await target.generate(request, options);
      } catch (e) {
        if (!TargetError.isInstance(e) || e.kind === 'cancelled' || e.message.startsWith(`${role} `)) throw e;
        throw new TargetError(e.kind, `${role} ${target.id}: ${e.message}`, e.status, { cause: e, retryAfterMs: e.retryAfterMs });
      }
    },
    close: target.close ? () => target.close?.() ?? Promise.resolve() : undefined,
  };
}
