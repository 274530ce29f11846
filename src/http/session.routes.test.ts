import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { makeTestEnv, TEST_BACKENDS, TEST_PASSWORD, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident } from '../../test/support/fixtures.ts';
import { client, send } from '../../test/support/http.ts';
import { SESSION_COOKIE } from './auth.hook.ts';

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let app: FastifyInstance;

    before(async () => {
      env = await makeTestEnv({ backend, app: { secureCookies: true } });
      app = await env.app();
    });
    after(() => env.close());

    const login = (username: string, password: string, ip = '10.0.0.1') =>
      send(app, { method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress: ip });

    const cookieOf = (setCookie: unknown): string => String(Array.isArray(setCookie) ? setCookie[0] : setCookie);

    test('sign in sets a strict, HttpOnly, Secure session cookie and tells who signed in', async () => {
      const r = await login('federal-liaison', TEST_PASSWORD);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.user, { username: 'federal-liaison', party: 'federal', roles: ['liaison'], jccIds: [] });
      assert.equal(r.json.expiresAt, '2025-03-01T20:00:00.000Z');
      const set = cookieOf(r.headers['set-cookie']);
      assert.match(set, new RegExp(`^${SESSION_COOKIE}=[\\w-]{20,};`));
      assert.match(set, /; HttpOnly/);
      assert.match(set, /; SameSite=Strict/);
      assert.match(set, /; Secure/);
      assert.match(set, /; Path=\//);
      assert.match(set, /; Max-Age=43200/);
      assert.doesNotMatch(r.text, /passwordHash|scrypt/);

      const cookie = set.split(';')[0] as string;
      const me = await client(app, cookie).get('/api/session');
      assert.equal(me.status, 200);
      assert.equal(me.json.user.username, 'federal-liaison');
    });

    test('wrong password and unknown user: the same 401', async () => {
      const wrong = await login('federal-analyst', 'not the password', '10.0.0.2');
      const unknown = await login('nobody-at-all', 'not the password', '10.0.0.2');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.json.error.code, 'UNAUTHENTICATED');
      assert.equal(wrong.text, unknown.text);
      assert.equal(wrong.headers['set-cookie'], undefined);
    });

    test('six failures in a row: 429 with Retry-After, even with the right password', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await login('federal-viewer', 'guess number ' + i, '10.0.0.3')).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
      const sixth = await login('federal-viewer', TEST_PASSWORD, '10.0.0.3');
      assert.equal(sixth.status, 429, sixth.text);
      assert.equal(sixth.json.error.code, 'RATE_LIMITED');
      assert.ok(Number(sixth.headers['retry-after']) > 0, `Retry-After: ${String(sixth.headers['retry-after'])}`);
      env.clock.advance(16 * 60_000);
      assert.equal((await login('federal-viewer', TEST_PASSWORD, '10.0.0.3')).status, 200, 'the window passes');
    });

    test('sign out ends the session and clears the cookie', async () => {
      const r = await login('peshmerga-analyst', TEST_PASSWORD);
      const cookie = cookieOf(r.headers['set-cookie']).split(';')[0] as string;
      const c = client(app, cookie);
      assert.equal((await c.get('/api/incidents')).status, 200);
      const out = await c.del('/api/session');
      assert.equal(out.status, 204);
      assert.match(cookieOf(out.headers['set-cookie']), new RegExp(`^${SESSION_COOKIE}=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)`));
      const after = await c.get('/api/incidents');
      assert.equal(after.status, 401);
      assert.equal(after.json.error.code, 'UNAUTHENTICATED');
    });

    test('an expired session is refused', async () => {
      const cookie = await env.login('peshmerga-viewer');
      assert.equal((await client(app, cookie).get('/api/session')).status, 200);
      env.clock.advance(13 * 3600_000);
      assert.equal((await client(app, cookie).get('/api/session')).status, 401);
    });

    test('every /api route but health, sign-in and the documentation needs a principal', async () => {
      const anon = client(app);
      for (const url of ['/api/incidents', '/api/session', '/api/tokens', '/api/users', '/api/audit', '/api/places', '/api/admin-areas']) {
        const r = await anon.get(url);
        assert.equal(r.status, 401, url);
        assert.equal(r.json.error.code, 'UNAUTHENTICATED');
      }
      const forged = await client(app, `${SESSION_COOKIE}=forged`).get('/api/incidents');
      assert.equal(forged.status, 401);
      assert.equal((await anon.post('/api/incidents', { not: 'checked before sign-in' })).status, 401, 'authentication comes before validation');
      assert.equal((await anon.get('/api/health')).status, 200);
      assert.equal((await anon.get('/api/openapi.json')).status, 200);
      assert.equal((await anon.get('/api/docs')).status, 200);
    });

    test('API tokens: created once, used as bearer, listed without secret, revoked', async () => {
      const c = client(app, await env.login('peshmerga-watch'));
      const created = await c.post('/api/tokens', { name: 'CoT bridge, Kirkuk' });
      assert.equal(created.status, 201, created.text);
      assert.match(created.json.token, /^tsq_/);
      const bearer = client(app, { bearer: created.json.token });
      const me = await bearer.get('/api/session');
      assert.equal(me.status, 200);
      assert.equal(me.json.user.username, 'peshmerga-watch');
      assert.equal((await bearer.post('/api/incidents', sampleIncident())).status, 201, 'a machine logs an incident');

      const list = await c.get('/api/tokens');
      assert.equal(list.status, 200);
      assert.equal(list.json.items.length, 1);
      assert.equal(list.json.items[0].name, 'CoT bridge, Kirkuk');
      assert.doesNotMatch(list.text, new RegExp(created.json.token));
      assert.doesNotMatch(list.text, /tokenHash/);

      const other = client(app, await env.login('federal-watch'));
      assert.equal((await other.del(`/api/tokens/${created.json.id}`)).status, 404, "another user's token");
      assert.equal((await c.del(`/api/tokens/${created.json.id}`)).status, 204);
      assert.equal((await bearer.get('/api/session')).status, 401);
      assert.equal((await client(app, { bearer: 'tsq_made_up' }).get('/api/session')).status, 401);
      assert.equal((await send(app, { method: 'GET', url: '/api/session', headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status, 401);
      assert.equal((await c.post('/api/tokens', { name: '' })).status, 400);
    });

    test('cross-site state changes are refused; same-origin and Origin-less ones pass', async () => {
      const cookie = await env.login('peshmerga-watch');
      const post = (origin?: string) =>
        send(app, { method: 'POST', url: '/api/incidents', payload: sampleIncident(), headers: { cookie, host: 'tansiq.example:8443', ...(origin ? { origin } : {}) } });
      const evil = await post('https://evil.example');
      assert.equal(evil.status, 403);
      assert.equal(evil.json.error.code, 'FORBIDDEN');
      assert.equal((await post('null')).status, 403);
      assert.equal((await post('https://tansiq.example')).status, 403, 'another port is another origin');
      assert.equal((await post('https://tansiq.example:8443')).status, 201);
      assert.equal((await post()).status, 201);
      const read = await send(app, { method: 'GET', url: '/api/incidents', headers: { cookie, origin: 'https://evil.example' } });
      assert.equal(read.status, 200, 'reads are not state changes');
      const signIn = await send(app, { method: 'POST', url: '/api/session', payload: { username: 'peshmerga-watch', password: TEST_PASSWORD }, headers: { origin: 'https://evil.example' } });
      assert.equal(signIn.status, 403, 'no login CSRF either');
    });
  });
}
