import { z } from 'zod';
import { pointSchema } from '../geo/geometry.ts';
import { safeText } from '../text/safe-text.ts';
import { idSchema, partySchema } from './common.ts';
import { daySchema, forceSchema, idListSchema, instantSchema, noteSchema, titleSchema } from './fields.ts';

/** Attendance by office, not by person: the post (e.g. "Chief of Staff") and the party. */
const attendeeSchema = z.strictObject({ party: partySchema, office: safeText(200, { min: 1 }) });

export const meetingSchema = z.strictObject({
  title: titleSchema,
  startsAt: instantSchema,
  endsAt: instantSchema.optional(),
  placeName: safeText(300).optional(),
  location: pointSchema.optional(),
  jccId: idSchema.optional(),
  attendees: z.array(attendeeSchema).max(100).default([]),
  summary: noteSchema.default(''),
  status: z.enum(['planned', 'held', 'cancelled']).default('planned'),
});
export type Meeting = z.output<typeof meetingSchema>;

export const agreementPointSchema = z.strictObject({
  title: titleSchema,
  text: noteSchema.default(''),
  meetingIds: idListSchema.default([]),
  status: z.enum(['proposed', 'agreed-in-principle', 'agreed', 'in-progress', 'implemented', 'stalled', 'dropped']).default('proposed'),
  note: noteSchema.default(''),
});
export type AgreementPoint = z.output<typeof agreementPointSchema>;

/** Owned by an office of a party (or both), never by a named person. */
export const actionItemSchema = z.strictObject({
  title: titleSchema,
  agreementPointId: idSchema.optional(),
  meetingId: idSchema.optional(),
  ownerForce: forceSchema,
  ownerOffice: safeText(200).optional(),
  dueDate: daySchema.optional(),
  status: z.enum(['open', 'in-progress', 'done', 'cancelled']).default('open'),
  note: noteSchema.default(''),
});
export type ActionItem = z.output<typeof actionItemSchema>;
