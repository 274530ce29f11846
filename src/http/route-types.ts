import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { Services } from '../services/services.ts';
import type { ZodProvider } from './zod-provider.ts';

export interface RouteDeps {
  services: Services;
  secureCookies: boolean;
}

/** A route module: registered under /api with the services it calls. */
export type ApiRoutes = FastifyPluginAsync<RouteDeps, RawServerDefault, ZodProvider>;
