/**
 * What a gap analysis is asked for. One schema for every entry point: the HTTP body is checked
 * with it, and the CLI builds the same object and parses it the same way.
 */
import { z } from 'zod';
import { areaSchema, type Area } from '../core/geo/geometry.ts';
import { idSchema, PARTIES, partySchema, type Party } from '../core/model/common.ts';
import { instantSchema } from '../core/model/fields.ts';
import { pcodeSchema } from '../core/model/reference.ts';
import { parseOrThrow } from '../core/validation.ts';

export type RegionRequest =
  | { kind: 'jcc'; jccId: string }
  | { kind: 'admin-area'; pcode: string }
  | { kind: 'geometry'; geometry: Area }
  | { kind: 'disputed' };

const REGION_KEYS = ['jccId', 'pcode', 'geometry', 'preset'] as const;

// One object with four optional keys rather than a union: a union's error is "invalid input",
// while this names the key that is wrong (a twisted polygon points at its vertex).
const regionSchema = z
  .strictObject({
    jccId: idSchema.optional().meta({ description: 'the area of responsibility of this JCC' }),
    pcode: pcodeSchema.optional().meta({ description: 'an administrative area (governorate, district, sub-district)' }),
    geometry: areaSchema.optional().meta({ description: 'a drawn Polygon or MultiPolygon, WGS84 [lon, lat]' }),
    preset: z.literal('disputed').optional().meta({ description: 'the disputed territories: the union of the JCC areas you can see' }),
  })
  .superRefine((r, ctx) => {
    const given = REGION_KEYS.filter((k) => r[k] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', message: `give exactly one of ${REGION_KEYS.join(', ')}${given.length ? ` (got ${given.join(', ')})` : ''}` });
  })
  .transform((r): RegionRequest => {
    if (r.jccId) return { kind: 'jcc', jccId: r.jccId };
    if (r.pcode) return { kind: 'admin-area', pcode: r.pcode };
    if (r.geometry) return { kind: 'geometry', geometry: r.geometry };
    return { kind: 'disputed' };
  });

export const DEFAULT_CELL_M = 50;
export const DEFAULT_WINDOW_DAYS = 90;

// Sorted, so that the same choice in another order is the same request (and the same cache entry).
const BOTH_PARTIES: Party[] = [...PARTIES].sort();

const sourcesSchema = z
  .strictObject({
    units: z.boolean().default(true).meta({ description: "units' coverage (radius, corridor or area)" }),
    checkpoints: z.boolean().default(true).meta({ description: "checkpoints' coverage radius (closed and unmanned ones never count)" }),
    parties: z.array(partySchema).min(1).max(2).default(() => [...BOTH_PARTIES]).transform((ps) => [...new Set(ps)].sort()).meta({ description: 'whose coverage counts (default both)' }),
  })
  .default(() => ({ units: true, checkpoints: true, parties: [...BOTH_PARTIES] }));

export const coverageRequestSchema = z
  .strictObject({
    region: regionSchema,
    cellM: z
      .number()
      .int('must be a whole number of metres')
      .min(1)
      .max(1_000)
      .default(DEFAULT_CELL_M)
      .meta({ description: 'cell edge in metres: 50 by default, 100 for a quick look, 25 for exports; jobs over the engine\'s cell limit are refused with the count' }),
    since: instantSchema.optional().meta({ description: `incidents from (default: ${DEFAULT_WINDOW_DAYS} days before \`until\` or now)` }),
    until: instantSchema
      .optional()
      .meta({ description: 'incidents until, and the time the analysis is made as of: the force lines then in force, incident recency counted from then (default: now)' }),
    sources: sourcesSchema,
  })
  .refine((r) => !r.since || !r.until || r.since <= r.until, { path: ['until'], message: 'must not be before since' });

export type CoverageRequest = z.output<typeof coverageRequestSchema>;
export type CoverageSourceOptions = CoverageRequest['sources'];

export const parseCoverageRequest = (input: unknown): CoverageRequest => parseOrThrow(coverageRequestSchema, input, 'gap analysis request');
