import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../core/errors.ts';
import { idSchema, partySchema, roleSchema } from '../core/model/common.ts';
import { instantSchema } from '../core/model/fields.ts';
import { toJsonSchema, type JsonSchema } from './zod-provider.ts';

/** Request and reply shapes shared by the route modules. Query values arrive as strings. */

export const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d{1,15}$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const decimal = (min: number, max: number) =>
  z.string().regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'must be a decimal number').transform(Number).pipe(z.number().min(min).max(max));

export const lonParam = decimal(-180, 180);
export const latParam = decimal(-90, 90);

export type BboxTuple = [number, number, number, number];

/** `minLon,minLat,maxLon,maxLat` in degrees (WGS84), each in range and min ≤ max. */
export const bboxParam = z
  .string()
  .max(200)
  .transform((text, ctx): BboxTuple => {
    const parts = text.split(',').map((p) => p.trim());
    const n = parts.map((p) => (p === '' ? NaN : Number(p)));
    const [minLon = NaN, minLat = NaN, maxLon = NaN, maxLat = NaN] = n;
    const fail = (message: string): never => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return fail('must be four numbers: minLon,minLat,maxLon,maxLat');
    if ([minLon, maxLon].some((v) => v < -180 || v > 180)) return fail('longitudes must be between -180 and 180');
    if ([minLat, maxLat].some((v) => v < -90 || v > 90)) return fail('latitudes must be between -90 and 90');
    if (minLon > maxLon) return fail('minLon must not be greater than maxLon');
    if (minLat > maxLat) return fail('minLat must not be greater than maxLat');
    return [minLon, minLat, maxLon, maxLat];
  })
  .meta({ description: 'minLon,minLat,maxLon,maxLat in degrees (WGS84)', example: '44.2,35.3,44.6,35.6' });

export const trueFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Record versions for optimistic concurrency: the version the client last read. */
export const versionSchema = z.number().int().min(1).max(2 ** 31);

export const idParams = z.strictObject({ id: idSchema });

export const recordListQuery = z
  .strictObject({
    bbox: bboxParam.optional(),
    since: instantSchema.optional(),
    until: instantSchema.optional(),
    jcc: idSchema.optional().meta({ description: 'records of this JCC' }),
    party: partySchema.optional().meta({ description: 'origin party' }),
    status: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a status such as "active"').optional(),
    q: z.string().max(200).optional().meta({ description: 'free text; Arabic, Kurdish and Latin letter variants are folded' }),
    limit: wholeNumber(1, 500).optional(),
    cursor: z.string().regex(/^[\x21-\x7e]{1,500}$/, 'must be a cursor from a previous page').optional(),
    count: trueFlag.optional().meta({ description: 'true adds `total`, the number of matching records' }),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { path: ['until'], message: 'must not be before since' });

export const versionQuery = z.strictObject({ version: wholeNumber(1, 2 ** 31).optional() });

const fieldIssue = z.object({ path: z.string(), message: z.string() });

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.array(fieldIssue).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input (VALIDATION): `fields` names each offending field',
  401: 'Not signed in (UNAUTHENTICATED)',
  403: 'Not allowed for your role or party, or a cross-site request (FORBIDDEN)',
  404: 'Not found, or not visible to you: the two look the same (NOT_FOUND)',
  409: 'The record changed since you read it, or a rule forbids the change now (CONFLICT)',
  413: 'Body larger than the limit (PAYLOAD_TOO_LARGE)',
  415: 'Body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  429: 'Too many requests or failed sign-ins: see Retry-After (RATE_LIMITED)',
  500: 'Internal error (INTERNAL)',
};

/** Shared by every error reply of the document (registered with `app.addSchema`). */
export const ERROR_SCHEMA_ID = 'Error';
export const errorJsonSchema = (): JsonSchema => ({ $id: ERROR_SCHEMA_ID, ...toJsonSchema(errorSchema, 'output') });

/** Reply schemas for the documentation: the success shapes plus the errors a route can answer. */
export function replies(success: Record<number, z.ZodType | JsonSchema>, errors: number[], opts: { auth?: boolean; body?: boolean } = {}): Record<number, z.ZodType | JsonSchema> {
  const codes = new Set([...errors, 429, 500]);
  if (opts.auth !== false) codes.add(401);
  if (opts.body) [400, 413, 415].forEach((c) => codes.add(c));
  const errorReplies = [...codes].sort((a, b) => a - b).map((c) => [c, { $ref: `${ERROR_SCHEMA_ID}#`, description: ERROR_TEXT[c] ?? 'Error' }]);
  return { ...success, ...Object.fromEntries(errorReplies) };
}

export const noContent = z.null().meta({ description: 'Done; no content' });

export const userSummarySchema = z.object({
  username: z.string(),
  party: partySchema,
  roles: z.array(roleSchema),
  jccIds: z.array(idSchema),
});
