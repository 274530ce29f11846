import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';
import { CLOSE_CODES } from '../realtime/live-protocol.ts';
import { makeTestEnv, TEST_BACKENDS, TEST_PASSWORD, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident } from '../../test/support/fixtures.ts';
import { client } from '../../test/support/http.ts';

// Frames are inspected field by field in tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Frame = any;

interface Live {
  ws: WebSocket;
  frames: Frame[];
  closed: Promise<{ code: number; reason: string }>;
  /** The first frame of `type`. */
  next(type: string): Promise<Frame>;
  /** The record entries of all `events` frames, once there are at least `n`. */
  entries(n: number): Promise<Frame[]>;
}

type Refused = { status: number; body: Frame };

function open(base: string, path: string, headers: Record<string, string> = {}): Promise<Live | Refused> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`, { headers });
    const frames: Frame[] = [];
    const waiters: (() => void)[] = [];
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      frames.push(JSON.parse(data.toString()));
      waiters.splice(0).forEach((w) => w());
    });
    const until = <T>(what: string, found: () => T | undefined): Promise<T> =>
      new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`${what}: not in time`)), 5_000);
        const check = (): void => {
          const value = found();
          if (value === undefined) waiters.push(check);
          else {
            clearTimeout(timer);
            res(value);
          }
        };
        check();
      });
    const next = (type: string): Promise<Frame> => until(type, () => frames.find((f) => f.type === type));
    const entries = (n: number): Promise<Frame[]> =>
      until(`${n} entries`, () => {
        const all = frames.filter((f) => f.type === 'events').flatMap((f) => f.events);
        return all.length >= n ? all : undefined;
      });
    ws.on('open', () => resolve({ ws, frames, closed, next, entries }));
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.on('error', reject);
  });
}

async function opened(p: Promise<Live | Refused>): Promise<Live> {
  const r = await p;
  if (!('ws' in r)) throw new Error(`refused with ${r.status}: ${JSON.stringify(r.body)}`);
  return r;
}

async function refused(p: Promise<Live | Refused>): Promise<Refused> {
  const r = await p;
  if ('ws' in r) throw new Error('the upgrade was accepted');
  return r;
}

for (const backend of TEST_BACKENDS) {
  describe(`GET /api/live (${backend})`, () => {
    let env: TestEnv;
    let app: FastifyInstance;
    let base: string;
    let pCookie: string;
    let fCookie: string;

    before(async () => {
      env = await makeTestEnv({ backend });
      env.services.live.configure({ authCheckMs: 50 });
      app = await env.app();
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      pCookie = await env.login('peshmerga-watch');
      fCookie = await env.login('federal-watch');
    });
    after(() => env.close());

    it('answers a plain GET with a clear error', async () => {
      assert.equal((await client(app).get('/api/live')).status, 401);
      const r = await client(app, pCookie).get('/api/live');
      assert.equal(r.status, 400);
      assert.match(r.json.error.message, /WebSocket/);
    });

    it('refuses an upgrade without credentials with 401 and no socket', async () => {
      const r = await refused(open(base, '/api/live'));
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'UNAUTHENTICATED');
      assert.equal((await refused(open(base, '/api/live', { cookie: 'tansiq_session=forged' }))).status, 401);
      assert.equal((await refused(open(base, '/api/live', { authorization: 'Bearer tsq_forged' }))).status, 401);
    });

    it('refuses a cross-site Origin (WebSocket hijacking) and takes its own', async () => {
      const r = await refused(open(base, '/api/live', { cookie: pCookie, origin: 'https://evil.example' }));
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'FORBIDDEN');
      const ok = await opened(open(base, '/api/live', { cookie: pCookie, origin: base }));
      await ok.next('hello');
      ok.ws.close();
    });

    it('refuses a bad cursor or an unknown path with a clear error', async () => {
      for (const q of ['after=abc', 'after=-1', 'after=1&after=2', 'after=1e3', 'from=3']) {
        const r = await refused(open(base, `/api/live?${q}`, { cookie: pCookie }));
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'VALIDATION');
      }
      assert.equal((await refused(open(base, '/api/elsewhere', { cookie: pCookie }))).status, 404);
    });

    it('delivers a change to the parties allowed to see it, through session cookies and API tokens', async () => {
      const token = (await env.services.auth.createApiToken(env.principals['federal-viewer']!, 'live test', {})).token;
      const pesh = await opened(open(base, '/api/live', { cookie: pCookie }));
      const fed = await opened(open(base, '/api/live', { cookie: fCookie }));
      const fedMachine = await opened(open(base, '/api/live', { authorization: `Bearer ${token}` }));
      await Promise.all([pesh.next('hello'), fed.next('hello'), fedMachine.next('hello')]);

      const created = await client(app, pCookie).post('/api/incidents', sampleIncident({ title: 'Live over HTTP' }));
      assert.equal(created.status, 201);
      const first = await pesh.next('events');
      assert.equal(first.events[0].id, created.json.id);
      assert.deepEqual(first.events[0].record, created.json, 'the record as the HTTP API returns it');

      const admin = await env.login('peshmerga-admin');
      const released = await client(app, admin).post(`/api/incidents/${created.json.id}/release`, { version: 1, scope: 'bilateral' });
      assert.equal(released.status, 200);
      for (const c of [fed, fedMachine]) {
        const f = await c.next('events');
        assert.deepEqual(f.events.map((e: Frame) => [e.id, e.version]), [[created.json.id, 2]]);
        assert.equal(f.events[0].record.createdBy, null);
      }
      assert.equal(fed.frames.filter((f) => f.type === 'events').length, 1, 'nothing of the own version');
      for (const c of [pesh, fed, fedMachine]) c.ws.close();
    });

    it('resumes with after: missed changes once, in order', async () => {
      const first = await opened(open(base, '/api/live', { cookie: pCookie }));
      const { upTo } = await first.next('hello');
      first.ws.close();
      await first.closed;
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await client(app, pCookie).post('/api/incidents', sampleIncident({ title: `Missed ${i}` }))).json.id);
      const again = await opened(open(base, `/api/live?after=${upTo}`, { cookie: pCookie }));
      const got = await again.entries(3);
      // A last read, so a duplicate would have arrived by now.
      await env.services.live.read();
      assert.deepEqual(got.map((e) => e.id), ids);
      assert.equal(again.frames.filter((f) => f.type === 'events').flatMap((f) => f.events).length, 3);
      again.ws.close();
    });

    it('announces a new gap analysis to the readers who would get the same result, and to no one else', async () => {
      const fed = await opened(open(base, '/api/live', { cookie: fCookie }));
      const fedAgain = await opened(open(base, '/api/live', { cookie: fCookie }));
      const pesh = await opened(open(base, '/api/live', { cookie: pCookie }));
      await Promise.all([fed.next('hello'), fedAgain.next('hello'), pesh.next('hello')]);
      const analysis = await client(app, fCookie).post('/api/analysis/coverage', { region: { jccId: env.jccIds.KRK }, cellM: 100 });
      assert.equal(analysis.status, 200);
      for (const live of [fed, fedAgain]) {
        const notice = await live.next('notice');
        assert.equal(notice.kind, 'coverage-result');
        assert.deepEqual(notice.payload.areas, analysis.json.areas);
      }
      // The other party sees other sources: the federal result must tell it nothing.
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(pesh.frames.filter((f: Frame) => f.type === 'notice').length, 0);
      for (const live of [fed, fedAgain, pesh]) live.ws.close();
    });

    it('closes the socket of an account that is disabled', async () => {
      await env.services.users.add(null, { username: `live-off-${backend}`, password: TEST_PASSWORD, party: 'federal', roles: ['viewer'] });
      const cookie = await env.login(`live-off-${backend}`);
      const c = await opened(open(base, '/api/live', { cookie }));
      await c.next('hello');
      await env.services.users.disable(null, `live-off-${backend}`);
      assert.equal((await c.closed).code, CLOSE_CODES.unauthenticated);
    });

    it('closes every socket and stops the reader when the server closes', async () => {
      const c = await opened(open(base, '/api/live', { cookie: pCookie }));
      await c.next('hello');
      await app.close();
      assert.equal((await c.closed).code, CLOSE_CODES.goingAway);
      assert.equal(env.services.live.connectionCount, 0);
      assert.equal(env.services.live.refusal(env.principals['peshmerga-watch']!)?.code, 'UNAVAILABLE');
    });
  });
}
