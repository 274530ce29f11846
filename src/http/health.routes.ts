import { z } from 'zod';
import { partySchema } from '../core/model/common.ts';
import type { ApiRoutes } from './route-types.ts';
import { replies } from './schemas.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  backend: z.enum(['sqlite', 'postgres']),
  site: z.object({ id: z.string(), name: z.string(), party: partySchema }),
  time: z.string().meta({ description: "the server's clock, to spot skew" }),
});

/** Open to load balancers and monitors: identity and liveness only, no counts or secrets. */
export const healthRoutes: ApiRoutes = async (app, { services }) => {
  const { site, store, now } = services.ctx;

  app.get('/health', {
    config: { public: true },
    schema: { tags: ['meta'], summary: 'Liveness and site identity', security: [], response: replies({ 200: healthSchema }, [], { auth: false }) },
  }, async () => ({ status: 'ok' as const, backend: store.backend, site: { id: site.id, name: site.name, party: site.party }, time: now().toISOString() }));

  app.get('/openapi.json', {
    config: { public: true },
    schema: { tags: ['meta'], summary: 'This API as an OpenAPI 3.1 document', security: [], response: replies({ 200: z.looseObject({ openapi: z.string() }) }, [], { auth: false }) },
  }, async () => app.swagger());
};
