import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TansiqError } from '../core/errors.ts';
import type { Principal } from '../core/model/common.ts';
import type { RequestOrigin } from '../services/context.ts';
import type { Services } from '../services/services.ts';

export const SESSION_COOKIE = 'tansiq_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Served without signing in (health, sign-in, the API document). */
    public?: boolean;
  }
}

const BEARER_RE = /^Bearer\s+(\S+)$/i;

/**
 * Machines send an API token, browsers the session cookie; the token wins when both come.
 * Also used by the live feed's WebSocket upgrade, which happens outside Fastify's hooks.
 */
export async function principalFromCredentials(services: Services, authorization: string | undefined, session: string | undefined): Promise<Principal> {
  const bearer = BEARER_RE.exec(authorization ?? '')?.[1];
  if (bearer) return services.auth.fromApiToken(bearer);
  if (authorization) throw new TansiqError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <API token>"');
  if (session) return services.auth.fromSession(session);
  throw new TansiqError('UNAUTHENTICATED', 'sign in first');
}

/**
 * Resolves the caller on every route of the context before its body is read or validated, so
 * anonymous clients learn nothing about input rules and never make the server parse a large body.
 */
export function useAuthentication(app: FastifyInstance, services: Services): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.public) return;
    req.principal = await principalFromCredentials(services, req.headers.authorization, req.cookies[SESSION_COOKIE]);
  });
}

/** The signed-in caller; routes outside `useAuthentication` never call this. */
export function caller(req: FastifyRequest): Principal {
  if (!req.principal) throw new TansiqError('UNAUTHENTICATED', 'sign in first');
  return req.principal;
}

export const originOf = (req: FastifyRequest): RequestOrigin => ({ ip: req.ip });
