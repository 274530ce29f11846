import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { TansiqError } from '../core/errors.ts';
import type { Services } from '../services/services.ts';
import { analysisRoutes } from './analysis.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { SESSION_COOKIE, useAuthentication } from './auth.hook.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';
import { liveRoutes } from './live.routes.ts';
import { useJsonBodies } from './json-body.ts';
import { operationRoutes } from './operation.routes.ts';
import { recordRoutes } from './record.routes.ts';
import { recordDataSchemas } from './record.schemas.ts';
import { referenceRoutes } from './reference.routes.ts';
import type { ApiRoutes, RouteDeps } from './route-types.ts';
import { useSecurityHooks } from './security.hooks.ts';
import { errorJsonSchema } from './schemas.ts';
import { sessionRoutes } from './session.routes.ts';
import { DEFAULT_WEB_ROOT, staticRoutes } from './static.routes.ts';
import { sitrepRoutes } from './sitrep.routes.ts';
import { statsRoutes } from './stats.routes.ts';
import { userRoutes } from './user.routes.ts';
import { jsonSerializerCompiler, zodSwaggerTransform, zodValidatorCompiler } from './zod-provider.ts';

export interface AppOptions {
  logger?: boolean;
  /** Mark the session cookie Secure (behind TLS). */
  secureCookies?: boolean;
  /** Largest request body in bytes; 1 MiB by default. */
  bodyLimit?: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Flood guard per client address; false turns it off (tests). */
  rateLimit?: { max: number; timeWindowMs?: number } | false;
  /** The built web app; web/dist by default. */
  webRoot?: string;
}

const MIB = 1024 * 1024;
const ROUTES: ApiRoutes[] = [healthRoutes, sessionRoutes, recordRoutes, operationRoutes, referenceRoutes, userRoutes, auditRoutes, analysisRoutes, liveRoutes, statsRoutes, sitrepRoutes];

export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? MIB, trustProxy: opts.trustProxy ?? false, clientErrorHandler });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  app.setErrorHandler(errorHandler);
  useJsonBodies(app);

  // First in line, so a flood is turned away before any other work is done for it.
  if (opts.rateLimit !== false) {
    const { max, timeWindowMs = 60_000 } = opts.rateLimit ?? { max: 600 };
    await app.register(rateLimit, {
      global: true,
      max,
      timeWindow: timeWindowMs,
      errorResponseBuilder: (_req, ctx) =>
        new TansiqError('RATE_LIMITED', `too many requests: try again in ${ctx.after}`, { details: { retryAfterSeconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) } }),
    });
    // Probing for endpoints counts too.
    app.setNotFoundHandler({ preHandler: app.rateLimit() }, notFoundHandler);
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  useSecurityHooks(app);
  await app.register(cookie);
  await registerDocs(app);

  const deps: RouteDeps = { services, secureCookies: opts.secureCookies ?? false };
  await app.register(async (api) => {
    useAuthentication(api, services);
    for (const routes of ROUTES) await api.register(routes, deps);
  }, { prefix: '/api' });

  // Everything else is the operations room (web/dist), routed in the browser.
  await app.register(staticRoutes, { root: opts.webRoot ?? DEFAULT_WEB_ROOT });
  return app;
}

/** OpenAPI from the routes' zod schemas; the docs page serves its assets from the package (works offline). */
async function registerDocs(app: FastifyInstance): Promise<void> {
  for (const schema of [errorJsonSchema(), ...recordDataSchemas()]) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tansiq API', version: '1', description: 'Joint security coordination between the Peshmerga and the Iraqi federal forces.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer', description: 'API token (tsq_...)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: zodSwaggerTransform,
    // Shared schemas keep their own names in the document instead of def-0, def-1 ...
    refResolver: { clone: true, buildLocalReference: (json, _base, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a raw non-ASCII byte in the URL,
 * a malformed header) still get the JSON error shape every other error has.
 */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(new TansiqError(tooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION', tooLarge ? 'request headers are too large' : 'malformed HTTP request (a URL must be percent-encoded)').toJSON());
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
