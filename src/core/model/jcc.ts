import { z } from 'zod';
import { areaSchema, pointSchema } from '../geo/geometry.ts';
import { partySchema } from './common.ts';
import { count, multilingualNameSchema, shortNoteSchema } from './fields.ts';

/** A Joint Coordination Centre. Who is assigned to it lives with the users, never in the record. */
export const jccSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'must be 2-20 capital letters, digits or dashes'),
  name: multilingualNameSchema,
  area: areaSchema,
  headquarters: pointSchema.optional(),
  staff: z.array(z.strictObject({ party: partySchema, count })).max(2).default([]),
  status: z.enum(['planned', 'active', 'suspended']).default('active'),
  note: shortNoteSchema.default(''),
});
export type Jcc = z.output<typeof jccSchema>;
