import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { forbidden, notFound, TansiqError, validationError } from '../core/errors.ts';
import type { ConnectRequest, LiveHub } from '../realtime/live-hub.ts';
import { errorFrame } from '../realtime/live-protocol.ts';
import type { Services } from '../services/services.ts';
import { principalFromCredentials, SESSION_COOKIE } from './auth.hook.ts';
import { asTansiqError } from './error-handler.ts';
import type { ApiRoutes } from './route-types.ts';
import { sameOrigin } from './security.hooks.ts';

export const LIVE_PATH = '/api/live';
/** Client messages are small (`known` lists ids); anything larger is not one. */
const MAX_MESSAGE_BYTES = 256 * 1024;
const TRY_AGAIN_LATER = 1013;
const AFTER_RE = /^\d{1,15}$/;

/**
 * `GET /api/live`: the live feed over a WebSocket (README, "Live feed"). The upgrade is answered
 * outside Fastify's routing, so it is authenticated here the same way: API token or session
 * cookie, and a cross-site Origin is refused (cross-site WebSocket hijacking). A plain GET gets
 * a clear error.
 */
export const liveRoutes: ApiRoutes = async (app, { services }) => {
  // Not in the OpenAPI document, which has no way to describe a WebSocket: README, "Live feed".
  app.get('/live', { schema: { hide: true } }, async () => {
    throw validationError('the live feed is a WebSocket: connect with "Upgrade: websocket"');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => void upgrade(app, services, wss, req, socket, head);
  app.addHook('onReady', async () => {
    await services.live.start();
    app.server.on('upgrade', onUpgrade);
  });
  // Before the HTTP server closes: it waits for every socket, upgraded ones included.
  app.addHook('preClose', async () => {
    app.server.off('upgrade', onUpgrade);
    await services.live.stop();
    wss.close();
  });
};

async function upgrade(app: FastifyInstance, services: Services, wss: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  socket.on('error', () => socket.destroy());
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== LIVE_PATH) throw notFound('WebSocket endpoint');
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, req.headers.host ?? '')) throw forbidden('cross-site WebSocket refused: the Origin header does not match this server');
    const authorization = req.headers.authorization;
    const session = app.parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
    const revalidate = () => principalFromCredentials(services, authorization, session);
    const principal = await revalidate();
    const after = afterParam(url.searchParams);
    const refused = services.live.refusal(principal);
    if (refused) throw refused;
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => void attach(services.live, ws, { principal, revalidate, ...(after === undefined ? {} : { after }) }));
  } catch (e) {
    refuseUpgrade(socket, e);
  }
}

function afterParam(params: URLSearchParams): number | undefined {
  const unknown = [...params.keys()].find((k) => k !== 'after');
  if (unknown !== undefined) throw validationError(`unknown query parameter ${unknown}`, [{ path: unknown, message: 'unknown parameter' }]);
  const after = params.getAll('after');
  if (after.length === 0) return undefined;
  if (after.length > 1 || !AFTER_RE.test(after[0]!)) {
    throw validationError('after must be the last seq you processed (a whole number)', [{ path: 'after', message: 'must be a whole number' }]);
  }
  return Number(after[0]);
}

async function attach(hub: LiveHub, ws: WebSocket, req: ConnectRequest): Promise<void> {
  ws.on('error', () => ws.terminate());
  let conn: Awaited<ReturnType<LiveHub['connect']>>;
  try {
    conn = await hub.connect(ws, req);
  } catch (e) {
    ws.close(TRY_AGAIN_LATER, asTansiqError(e)?.message ?? 'try again later');
    return;
  }
  ws.on('close', () => hub.disconnect(conn));
  ws.on('pong', () => {
    conn.alive = true;
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) conn.send(errorFrame(validationError('live messages are JSON text')));
    else void hub.receive(conn, data.toString());
  });
  // Closed while it was being registered: the close event has already passed.
  if (ws.readyState !== ws.OPEN) hub.disconnect(conn);
}

/** An HTTP error reply on the raw socket, in the same JSON shape as every other error. */
function refuseUpgrade(socket: Duplex, err: unknown): void {
  const e = asTansiqError(err) ?? new TansiqError('INTERNAL', 'internal error');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(e.toJSON());
  socket.end(`HTTP/1.1 ${e.status} ${STATUS_CODES[e.status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
}
