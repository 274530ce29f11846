import { z } from 'zod';
import { areaSchema, lineStringSchema, pointSchema } from '../geo/geometry.ts';
import { idSchema } from './common.ts';
import { forceSchema, nameSchema, shortNoteSchema } from './fields.ts';

export const ECHELONS = ['team', 'squad', 'section', 'platoon', 'company', 'battalion', 'regiment', 'brigade', 'division', 'corps'] as const;

/**
 * APP-6 D / MIL-STD-2525 D symbol identification code: 20 digits (or the 15-character
 * letter form of 2525 C). Checked for shape here; milsymbol renders it in the browser.
 */
export const sidcSchema = z
  .string()
  .regex(/^(\d{20}|[A-Z*-][A-Z*-][A-Z*-][A-Z*-][A-Z0-9*-]{6}[A-Z0-9*-]{5})$/, 'must be a 20-digit APP-6 D / 2525 D SIDC or a 15-character 2525 C SIDC');

/** What a unit covers for the gap analysis: a radius around it, a corridor along a route, or its area. */
export const coverageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('radius'), radiusM: z.number().positive().max(50_000) }),
  z.strictObject({ kind: z.literal('corridor'), route: lineStringSchema, widthM: z.number().positive().max(20_000) }),
  z.strictObject({ kind: z.literal('area') }),
  z.strictObject({ kind: z.literal('none') }),
]);

export const unitSchema = z
  .strictObject({
    name: nameSchema,
    force: forceSchema,
    echelon: z.enum(ECHELONS),
    sidc: sidcSchema,
    position: pointSchema.optional(),
    area: areaSchema.optional(),
    coverage: coverageSchema.default({ kind: 'none' }),
    jccId: idSchema.optional(),
    status: z.enum(['active', 'standby', 'inactive']).default('active'),
    note: shortNoteSchema.default(''),
  })
  .superRefine((u, ctx) => {
    if (!u.position && !u.area) ctx.addIssue({ code: 'custom', path: ['position'], message: 'a unit needs a position or an area' });
    if (u.coverage.kind === 'radius' && !u.position) {
      ctx.addIssue({ code: 'custom', path: ['coverage'], message: 'radius coverage needs a position' });
    }
    if (u.coverage.kind === 'area' && !u.area) ctx.addIssue({ code: 'custom', path: ['coverage'], message: 'area coverage needs an area' });
  });
export type Unit = z.output<typeof unitSchema>;
