import { z } from 'zod';
import { pointSchema } from '../geo/geometry.ts';
import { safeText } from '../text/safe-text.ts';
import { idSchema } from './common.ts';
import { count, idListSchema, instantSchema, noteSchema, titleSchema } from './fields.ts';

/** ACLED event types and their sub-types (ACLED codebook 2023). */
export const ACLED_TYPES = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Riots': ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
} as const satisfies Record<string, readonly string[]>;
export type AcledType = keyof typeof ACLED_TYPES;
const acledTypeNames = Object.keys(ACLED_TYPES) as [AcledType, ...AcledType[]];

export const CASUALTY_CATEGORIES = ['civilian', 'peshmerga', 'federal', 'other'] as const;
const byCategory = z
  .strictObject({ civilian: count.default(0), peshmerga: count.default(0), federal: count.default(0), other: count.default(0) })
  .default({ civilian: 0, peshmerga: 0, federal: 0, other: 0 });

export const VERIFICATION = ['draft', 'reported', 'confirmed', 'disputed'] as const;
/** How exactly the time is known; day/week/month match ACLED time_precision 1/2/3. */
export const TIME_PRECISION = ['minute', 'hour', 'day', 'week', 'month'] as const;
/** How exactly the place is known; ACLED geo_precision 1 = exact/town, 2 = near, 3 = district/province. */
export const LOCATION_PRECISION = ['exact', 'near', 'district', 'province'] as const;

/** Actors are groups and forces, never named individuals (scope line: no personal data). */
const actorSchema = z.strictObject({
  name: safeText(200, { min: 1 }),
  side: z.enum(['perpetrator', 'target', 'responder', 'other']),
});

const sourceSchema = z.strictObject({
  name: safeText(200, { min: 1 }),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  reportId: idSchema.optional(),
  publishedAt: instantSchema.optional(),
});

export const incidentSchema = z
  .strictObject({
    title: titleSchema,
    description: noteSchema.default(''),
    occurredAt: instantSchema,
    occurredUntil: instantSchema.optional(),
    timePrecision: z.enum(TIME_PRECISION).default('day'),
    location: pointSchema,
    locationPrecision: z.enum(LOCATION_PRECISION).default('exact'),
    placeId: z.string().max(100).optional(),
    placeName: safeText(300).optional(),
    adminPcode: z.string().regex(/^[A-Z]{2}[A-Z0-9]{0,16}$/).optional(),
    jccId: idSchema.optional(),
    killed: byCategory,
    wounded: byCategory,
    actors: z.array(actorSchema).max(20).default([]),
    acledEventType: z.enum(acledTypeNames).optional(),
    acledSubEventType: z.string().max(100).optional(),
    sources: z.array(sourceSchema).max(50).default([]),
    reportIds: idListSchema.default([]),
    verification: z.enum(VERIFICATION).default('reported'),
  })
  .superRefine((v, ctx) => {
    if (v.occurredUntil && v.occurredUntil < v.occurredAt) {
      ctx.addIssue({ code: 'custom', path: ['occurredUntil'], message: 'must not be before occurredAt' });
    }
    if (v.acledSubEventType !== undefined) {
      const subs: readonly string[] | undefined = v.acledEventType ? ACLED_TYPES[v.acledEventType] : undefined;
      if (!subs) ctx.addIssue({ code: 'custom', path: ['acledEventType'], message: 'a sub-event type needs its event type' });
      else if (!subs.includes(v.acledSubEventType)) {
        ctx.addIssue({ code: 'custom', path: ['acledSubEventType'], message: `must be one of: ${subs.join('; ')}` });
      }
    }
  });
export type Incident = z.output<typeof incidentSchema>;

export const totalCasualties = (side: Incident['killed']): number =>
  side.civilian + side.peshmerga + side.federal + side.other;
