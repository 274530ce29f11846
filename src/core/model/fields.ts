import { z } from 'zod';
import { safeText } from '../text/safe-text.ts';
import { idSchema, PARTIES } from './common.ts';

/** ISO 8601 instant with an explicit offset, stored as UTC. */
export const instantSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
/** A calendar day, YYYY-MM-DD. */
export const daySchema = z.iso.date();

export const titleSchema = safeText(300, { min: 1 });
export const nameSchema = safeText(200, { min: 1 });
export const noteSchema = safeText(20_000, { multiline: true });
export const shortNoteSchema = safeText(2_000, { multiline: true });

/** Names in the three working languages; at least one is needed. */
export const multilingualNameSchema = z
  .strictObject({ en: nameSchema.optional(), ar: nameSchema.optional(), ckb: nameSchema.optional() })
  .refine((n) => Boolean(n.en || n.ar || n.ckb), { message: 'give at least one of en, ar, ckb' });
export type MultilingualName = z.infer<typeof multilingualNameSchema>;

export const idListSchema = z.array(idSchema).max(500).transform((ids) => [...new Set(ids)]);

/** A party or both: joint units, joint checkpoints. */
export const forceSchema = z.enum([...PARTIES, 'joint']);

export const count = z.number().int().min(0).max(100_000);
