import { z } from 'zod';
import { idSchema, partySchema, roleSchema } from './common.ts';

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'must be 3-64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit');

export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(1024);

/** A staff account. Accounts are for staff of the two forces, never records about other people. */
export const newUserSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  party: partySchema,
  roles: z.array(roleSchema).min(1).max(6).transform((r) => [...new Set(r)]),
  jccIds: z.array(idSchema).max(20).default([]).transform((ids) => [...new Set(ids)]),
});
export type NewUser = z.output<typeof newUserSchema>;

export const userPatchSchema = z.strictObject({
  roles: newUserSchema.shape.roles.optional(),
  jccIds: newUserSchema.shape.jccIds.optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
