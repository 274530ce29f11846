import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../core/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `origin` (an Origin header) names the host this request was sent to, default ports included. */
export function sameOrigin(origin: string, host: string): boolean {
  try {
    const o = new URL(origin);
    return o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * The session cookie is SameSite=Strict already; refusing state-changing requests whose Origin
 * names another site also covers old browsers and same-site subdomains (defence in depth).
 * Requests without Origin (curl, CoT bridges, API tokens) are not browser cross-site requests.
 */
async function refuseCrossSite(req: FastifyRequest): Promise<void> {
  const origin = req.headers.origin;
  if (SAFE_METHODS.has(req.method) || origin === undefined) return;
  if (!sameOrigin(origin, req.host)) throw forbidden('cross-site request refused: the Origin header does not match this server');
}

async function securityHeaders(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('referrer-policy', 'no-referrer');
  // A route that may be framed (the SITREP, by the operations room itself) says so first.
  if (!reply.hasHeader('x-frame-options')) void reply.header('x-frame-options', 'DENY');
  if (req.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
  // Data replies never need to load anything; the docs page sets its own policy.
  const type = String(reply.getHeader('content-type') ?? '');
  if (type.startsWith('application/json') && !reply.hasHeader('content-security-policy')) {
    void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  }
  return payload;
}

export function useSecurityHooks(app: FastifyInstance): void {
  app.addHook('onRequest', refuseCrossSite);
  app.addHook('onSend', securityHeaders);
}
