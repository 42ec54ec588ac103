import { z } from 'zod';

/** One chat message as trainers read it: OpenAI fine-tuning, TRL, Axolotl, LLaMA-Factory. */
export const chatMessageSchema = z
  .object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1, 'an empty message teaches nothing') })
  .strict();
export type ChatMessage = z.infer<typeof chatMessageSchema>;

type Messages = ChatMessage[];

/** A system message may open the conversation; then user and assistant take turns, starting with the user. */
function wellOrdered(messages: Messages): boolean {
  const body = messages[0]?.role === 'system' ? messages.slice(1) : messages;
  return body.every((m, i) => m.role === (i % 2 === 0 ? 'user' : 'assistant'));
}

const ORDER = 'a system message may come first; then user and assistant alternate, starting with the user';

/** Chat SFT: `{"messages": [...]}`, the conversation ending in the answer to learn (OpenAI's chat fine-tuning format). */
export const sftRecordSchema = z
  .object({
    messages: z
      .array(chatMessageSchema)
      .min(2)
      .refine(wellOrdered, ORDER)
      .refine((ms) => ms.at(-1)?.role === 'assistant', 'the last message is the assistant answer to learn'),
  })
  .strict();
export type SftRecord = z.infer<typeof sftRecordSchema>;

const answer = z
  .array(chatMessageSchema)
  .length(1)
  .refine((ms) => ms[0]?.role === 'assistant', 'one assistant message');

/**
 * Preference data in TRL's conversational format (`DPOTrainer`, explicit prompt): the prompt
 * conversation ending in a user turn, and one assistant message each for chosen and rejected.
 */
export const dpoRecordSchema = z
  .object({
    prompt: z
      .array(chatMessageSchema)
      .min(1)
      .refine(wellOrdered, ORDER)
      .refine((ms) => ms.at(-1)?.role === 'user', 'the prompt ends with the user turn being answered'),
    chosen: answer,
    rejected: answer,
  })
  .strict();
export type DpoRecord = z.infer<typeof dpoRecordSchema>;

export const EXPORT_FORMATS = ['sft', 'dpo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
