import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERROR_CODES, TansiqError, type ErrorCode } from '../core/errors.ts';
import { invalid } from '../core/validation.ts';

/** Fastify's own errors carry an HTTP status; each is answered with the nearest Tansiq code. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

const PLAIN_MESSAGES: Record<number, string> = {
  413: 'the request body is larger than this server accepts',
  415: 'send the body as JSON (Content-Type: application/json)',
};

const statusOf = (e: unknown): number | undefined => {
  const s = (e as Partial<FastifyError> | null)?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : undefined;
};

/** Any thrown value as a Tansiq error a client may see; `null` when it is unexpected. */
export function asTansiqError(err: unknown): TansiqError | null {
  if (err instanceof TansiqError) return err;
  if (err instanceof z.ZodError) return invalid('request', err);
  const status = statusOf(err);
  if (status === undefined || status >= 500) return null;
  // Fastify's 4xx messages describe the request, never internals; two get plainer words.
  const message = PLAIN_MESSAGES[status] ?? (err instanceof Error ? err.message : 'bad request');
  return new TansiqError(CODE_BY_STATUS[status] ?? 'VALIDATION', message);
}

/**
 * The one place every failure becomes an HTTP reply: `{ error: { code, message, fields? } }`.
 * Unexpected errors are logged in full and answered with a generic message, so stack traces,
 * SQL and file paths never reach a client.
 */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = asTansiqError(err);
  if (!known) {
    req.log.error({ err }, 'unexpected error');
    const status = statusOf(err) === 503 ? 503 : 500;
    const code: ErrorCode = status === 503 ? 'UNAVAILABLE' : 'INTERNAL';
    return reply.code(status).type('application/json').send({ error: { code, message: status === 503 ? 'the service is unavailable: try again later' : 'internal error: the administrator can find the details in the server log' } });
  }
  if (ERROR_CODES[known.code].status >= 500) req.log.error({ err }, known.message);
  const wait = known.details?.['retryAfterSeconds'];
  if (known.code === 'RATE_LIMITED' && typeof wait === 'number') void reply.header('retry-after', String(wait));
  return reply.code(known.status).type('application/json').send(known.toJSON());
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = (req.url.split('?')[0] ?? '').slice(0, 200);
  return reply.code(404).type('application/json').send(new TansiqError('NOT_FOUND', `no such endpoint: ${req.method} ${path}`).toJSON());
}
