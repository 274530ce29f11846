import { z } from 'zod';
import { pointSchema } from '../geo/geometry.ts';
import { safeText } from '../text/safe-text.ts';
import { idSchema } from './common.ts';
import { idListSchema, instantSchema, titleSchema } from './fields.ts';

export const REPORT_KINDS = ['field', 'intel-summary', 'news', 'radio', 'phone', 'cot', 'other'] as const;

/** A piece of information that can create or support incidents. */
export const reportSchema = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  title: titleSchema,
  body: safeText(200_000, { multiline: true }).default(''),
  language: z.enum(['ar', 'ckb', 'en', 'other']).default('ar'),
  receivedAt: instantSchema,
  sourceName: safeText(200).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  location: pointSchema.optional(),
  jccId: idSchema.optional(),
  incidentIds: idListSchema.default([]),
  status: z.enum(['new', 'triaged', 'linked', 'dismissed']).default('new'),
});
export type Report = z.output<typeof reportSchema>;
