import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TansiqError, validationError } from '../core/errors.ts';

/** Where `npm run build:web` writes the operations room. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);
const HOST_RE = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The app's policy: its own scripts and styles only; symbols are drawn to data:/blob: images;
 * OpenLayers' WebGL layers start workers from blob: URLs; the live feed is a same-origin WebSocket.
 */
export function appCsp(host: string): string {
  const ws = HOST_RE.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${ws}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A path of the URL as a file under root, or null when it would leave root (traversal) or is malformed. */
export function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function fileStat(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

function send(req: FastifyRequest, reply: FastifyReply, path: string, s: Stats, cache: string): FastifyReply {
  const ext = extname(path).toLowerCase();
  const etag = `W/"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"`;
  void reply.header('content-type', TYPES[ext] ?? 'application/octet-stream').header('cache-control', cache).header('etag', etag);
  if (ext === '.html') void reply.header('content-security-policy', appCsp(req.host));
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  void reply.header('vary', 'accept-encoding');
  if (req.method === 'HEAD') return reply.send();
  if (!gzip) return reply.header('content-length', s.size).send(createReadStream(path));
  return reply.header('content-encoding', 'gzip').send(createReadStream(path).pipe(createGzip({ level: 6 })));
}

/**
 * Serves the built web app: hashed assets cached for a year, index.html revalidated every time,
 * any other non-API path answered with index.html (the app routes in the browser).
 */
export async function staticRoutes(app: FastifyInstance, opts: { root?: string }): Promise<void> {
  const root = resolve(opts.root ?? DEFAULT_WEB_ROOT);
  const index = join(root, 'index.html');

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const urlPath = req.url.split('?')[0] ?? '/';
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return reply.callNotFound();
    const path = fileUnder(root, urlPath);
    if (path === null) throw validationError('malformed path');
    const s = urlPath.endsWith('/') ? null : await fileStat(path);
    if (s) return send(req, reply, path, s, urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    // A missing hashed asset is an old page asking for a file a rebuild removed: no HTML in its place.
    if (urlPath.startsWith('/assets/') || extname(urlPath) !== '') return reply.callNotFound();
    const indexStat = await fileStat(index);
    if (!indexStat) throw new TansiqError('UNAVAILABLE', 'the web app is not built: run `npm run build:web`');
    return send(req, reply, index, indexStat, 'no-cache');
  };
  app.get('/*', { schema: { hide: true } }, handler);
  app.get('/', { schema: { hide: true } }, handler);
}
