import { z } from 'zod';
import { caller } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { replies, wholeNumber } from './schemas.ts';

const auditQuery = z.strictObject({
  after: wholeNumber(0, Number.MAX_SAFE_INTEGER).optional().meta({ description: 'entries after this sequence number' }),
  limit: wholeNumber(1, 1000).optional(),
});

const entrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  version: z.number().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

const checkSchema = z.looseObject({ ok: z.boolean(), count: z.number().int() }).meta({ description: 'the chain check; when not ok, names the first bad entry' });

/** The hash-chained audit trail, for administrators. */
export const auditRoutes: ApiRoutes = async (app, { services }) => {
  const { audit } = services;
  const tags = ['audit'];

  app.get('/audit', {
    schema: { tags, summary: 'Audit entries in order', querystring: auditQuery, response: replies({ 200: z.object({ items: z.array(entrySchema) }) }, [400, 403]) },
  }, async (req) => ({ items: await audit.list(caller(req), req.query.after ?? 0, req.query.limit ?? 100) }));

  app.get('/audit/verify', {
    schema: { tags, summary: 'Walk the whole chain and report the first missing, reordered or altered entry', response: replies({ 200: checkSchema }, [403]) },
  }, async (req) => audit.verify(caller(req)));
};
