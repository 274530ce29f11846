import { z } from 'zod';
import { pointSchema } from '../geo/geometry.ts';
import { idSchema, partySchema } from './common.ts';
import { count, nameSchema, shortNoteSchema } from './fields.ts';

export const SHIFTS = ['day', 'night', 'all-day'] as const;

const staffingSchema = z.strictObject({
  shift: z.enum(SHIFTS),
  party: partySchema,
  planned: count,
  present: count,
});

/** A fixed post; `kind` says whose it is: joint (both forces), single-force or unmanned. */
export const checkpointSchema = z
  .strictObject({
    name: nameSchema,
    kind: z.enum(['joint', 'single-force', 'unmanned']),
    position: pointSchema,
    /** P-code of the province whose entrance it guards, if any. */
    entranceOf: z.string().regex(/^[A-Z]{2}[A-Z0-9]{0,16}$/).optional(),
    road: z.string().max(200).optional(),
    jccId: idSchema.optional(),
    status: z.enum(['open', 'restricted', 'closed']).default('open'),
    coverageRadiusM: z.number().positive().max(20_000).default(1_000),
    staffing: z.array(staffingSchema).max(12).default([]),
    note: shortNoteSchema.default(''),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.staffing.forEach((s, i) => {
      const key = `${s.shift}/${s.party}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['staffing', i], message: `${key} is listed twice` });
      seen.add(key);
    });
    if (c.kind === 'unmanned' && c.staffing.some((s) => s.present > 0)) {
      ctx.addIssue({ code: 'custom', path: ['staffing'], message: 'an unmanned checkpoint has nobody present' });
    }
  });
export type Checkpoint = z.output<typeof checkpointSchema>;

/** Staffing state for the operations room: short if anyone planned is missing, on any shift. */
export function staffingStatus(c: Checkpoint): 'unmanned' | 'short' | 'full' {
  if (c.kind === 'unmanned' || c.staffing.length === 0) return 'unmanned';
  return c.staffing.some((s) => s.present < s.planned) ? 'short' : 'full';
}
