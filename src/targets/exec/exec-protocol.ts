import { z } from 'zod';
import { targetErrorKinds, type Message } from '../../spec/index.js';

/** One line the target writes to the program's stdin. */
export interface ExecRequestLine {
  id: number;
  messages: Message[];
  maxTokens?: number;
  temperature?: number;
  seed?: number;
}

/** One line the program writes to stdout: an answer (`text`) or a failure (`error`) for request `id`. */
export const execReplySchema = z
  .object({
    id: z.number().int(),
    text: z.string().optional(),
    finish: z.string().optional(),
    /** A provider-style explicit refusal, reported as a `refusal` finish. */
    refusal: z.string().optional(),
    ttftMs: z.number().nonnegative().optional(),
    error: z.string().optional(),
    /** How to record `error`: default bad-response; `rate-limit`, `network`, `timeout` or `http` with a 5xx status are retried. */
    kind: z.enum(targetErrorKinds).exclude(['cancelled']).optional(),
    status: z.number().int().optional(),
    /** With a retried `error`: how long to wait first, like a Retry-After header. */
    retryAfterMs: z.number().nonnegative().optional(),
  })
  .refine((r) => r.text !== undefined || r.error !== undefined || r.refusal !== undefined, 'expected "text", "refusal" or "error"');
export type ExecReply = z.infer<typeof execReplySchema>;

/**
 * A line without an id that a program may write (usually first) to say what more of the protocol
 * it speaks. `cancel: true`: it wants `{"id": n, "cancel": true}` when request n is abandoned
 * (timeout, Ctrl-C), so it can stop work nobody will read. Programs that never say so are never
 * sent a line that is not a request.
 */
export const execHelloSchema = z.object({ hello: z.object({ cancel: z.boolean().optional() }).passthrough() });

/** What the target writes when request `id` is abandoned, to a program that asked for it. */
export interface ExecCancelLine {
  id: number;
  cancel: true;
}
