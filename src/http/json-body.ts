import type { FastifyInstance } from 'fastify';
import { validationError } from '../core/errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a request body strictly: broken UTF-8 is refused rather than silently turned into
 * U+FFFD, so what a user typed is stored exactly or not at all. `__proto__` keys are refused too:
 * merged into a stored record they would change its prototype instead of adding a field.
 */
export function parseJsonBody(buf: Buffer): unknown {
  if (buf.length === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    throw validationError('body is not valid UTF-8', [{ path: '(body)', message: 'not valid UTF-8' }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw validationError(`malformed JSON: ${detail}`, [{ path: '(body)', message: 'malformed JSON' }]);
  }
  if (text.includes('__proto__')) assertNoProtoKey(value, []);
  return value;
}

function assertNoProtoKey(v: unknown, path: string[]): void {
  if (!v || typeof v !== 'object') return;
  for (const [k, child] of Object.entries(v)) {
    const here = [...path, k];
    if (k === '__proto__') throw validationError('the field name __proto__ is not allowed', [{ path: here.join('.'), message: 'field name not allowed' }]);
    assertNoProtoKey(child, here);
  }
}

/** JSON is the only body the API takes; any other media type gets 415 from Fastify. */
export function useJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
