import { z } from 'zod';
import { anyGeometrySchema } from '../geo/geometry.ts';
import { instantSchema, nameSchema, shortNoteSchema } from './fields.ts';

/**
 * A line (forward line of own troops) or an area held by the origin party. Every change
 * is a new version; the event log keeps each version, so the line as of any date can be shown.
 */
export const forceLineSchema = z
  .strictObject({
    name: nameSchema,
    geometry: anyGeometrySchema,
    validFrom: instantSchema,
    validUntil: instantSchema.optional(),
    note: shortNoteSchema.default(''),
  })
  .superRefine((l, ctx) => {
    if (l.geometry.type === 'Point') ctx.addIssue({ code: 'custom', path: ['geometry'], message: 'a force line is a line or an area, not a point' });
    if (l.validUntil && l.validUntil < l.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
  });
export type ForceLine = z.output<typeof forceLineSchema>;
