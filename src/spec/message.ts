import { z } from 'zod';

export const roleSchema = z.enum(['system', 'user', 'assistant']);
export type Role = z.infer<typeof roleSchema>;

export const messageSchema = z.object({ role: roleSchema, content: z.string() }).strict();
export type Message = z.infer<typeof messageSchema>;
