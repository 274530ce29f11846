import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { KINDS } from '../core/model/kinds.ts';
import { makeTestEnv, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident } from '../../test/support/fixtures.ts';
import { client, send } from '../../test/support/http.ts';
import { buildApp } from './app.ts';

let env: TestEnv;
let app: FastifyInstance;

before(async () => {
  env = await makeTestEnv();
  app = await env.app();
});
after(() => env.close());

test('health: status, backend and site, without signing in and without counts', async () => {
  const r = await send(app, { method: 'GET', url: '/api/health' });
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.json).sort(), ['backend', 'site', 'status', 'time']);
  assert.equal(r.json.status, 'ok');
  assert.equal(r.json.backend, 'sqlite');
  assert.deepEqual(Object.keys(r.json.site).sort(), ['id', 'name', 'party']);
  assert.equal(r.json.time, env.clock.now().toISOString());
});

test('security headers on every reply, no-store on /api', async () => {
  const cookie = await env.login('peshmerga-viewer');
  const replies = await Promise.all([
    send(app, { method: 'GET', url: '/api/health' }),
    send(app, { method: 'GET', url: '/api/incidents', headers: { cookie } }),
    send(app, { method: 'GET', url: '/api/incidents/nope', headers: { cookie } }),
    send(app, { method: 'GET', url: '/api/nothing' }),
    send(app, { method: 'GET', url: '/api/docs' }),
    send(app, { method: 'GET', url: '/' }),
  ]);
  for (const r of replies) {
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['x-frame-options'], 'DENY');
  }
  for (const r of replies.slice(0, 5)) assert.equal(r.headers['cache-control'], 'no-store');
  assert.match(String(replies[1]?.headers['content-security-policy']), /default-src 'none'/);
});

test('the OpenAPI document covers every resource, with tags, bodies, parameters and errors', async () => {
  const r = await send(app, { method: 'GET', url: '/api/openapi.json' });
  assert.equal(r.status, 200);
  const doc = r.json;
  assert.match(doc.openapi, /^3\./);
  const paths = Object.keys(doc.paths);
  const expected = [
    '/api/health', '/api/session', '/api/tokens', '/api/tokens/{id}', '/api/operations/{id}/approvals',
    '/api/places', '/api/places/{id}', '/api/admin-areas', '/api/admin-areas/{pcode}', '/api/admin-areas/locate',
    '/api/users', '/api/users/{username}', '/api/audit', '/api/audit/verify',
    ...Object.values(KINDS).flatMap((k) => [`/api/${k.plural}`, `/api/${k.plural}/{id}`, `/api/${k.plural}/{id}/release`]),
  ];
  for (const p of expected) assert.ok(paths.includes(p), `documents ${p}`);
  assert.equal(paths.some((p) => p.startsWith('/api/docs')), false);

  for (const [path, ops] of Object.entries<Record<string, { tags?: string[]; responses: Record<string, unknown> }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      assert.ok(op.tags?.length, `${method} ${path} has tags`);
      assert.ok(Object.keys(op.responses).some((c) => c.startsWith('2')), `${method} ${path} success reply`);
      assert.ok(op.responses['500'], `${method} ${path} documents errors`);
    }
  }
  const create = doc.paths['/api/incidents'].post;
  const body = create.requestBody.content['application/json'].schema;
  assert.ok(body.properties.title && body.properties.location && body.properties.tlp, 'the body lists the fields');
  assert.ok(create.responses['400'] && create.responses['403'] && create.responses['413']);
  const list = doc.paths['/api/incidents'].get.parameters.map((p: { name: string }) => p.name);
  for (const n of ['bbox', 'since', 'until', 'limit', 'cursor', 'q', 'jcc', 'party', 'status', 'count']) assert.ok(list.includes(n), `list parameter ${n}`);
  assert.equal(doc.paths['/api/incidents/{id}'].get.parameters[0].in, 'path');
  assert.ok(doc.components.schemas.Incident && doc.components.schemas.Error);
  assert.deepEqual(doc.paths['/api/health'].get.security, []);

  const refs = new Set<string>();
  JSON.stringify(doc, (k, v: unknown) => (k === '$ref' && typeof v === 'string' ? refs.add(v) && v : v));
  assert.ok(refs.size > 10);
  for (const ref of refs) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    assert.ok(name && doc.components.schemas[name], `${ref} resolves inside the document`);
  }
});

test('the docs page and its assets are served from the package', async () => {
  const page = await send(app, { method: 'GET', url: '/api/docs/' });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  const css = await send(app, { method: 'GET', url: '/api/docs/static/swagger-ui.css' });
  assert.equal(css.status, 200);
  // `/` is the web app now: src/http/static.routes.test.ts.
});

test('an unexpected error is a generic 500: the real one goes to the log only', async () => {
  const cookie = await env.login('peshmerga-viewer');
  const records = env.services.records;
  const list = records.list;
  records.list = async () => {
    throw new Error('SQLITE_ERROR: no such column: secret_column in SELECT * FROM records');
  };
  try {
    const r = await send(app, { method: 'GET', url: '/api/incidents', headers: { cookie } });
    assert.equal(r.status, 500);
    assert.equal(r.json.error.code, 'INTERNAL');
    assert.doesNotMatch(r.text, /SQLITE|secret_column|SELECT|\.ts/);
  } finally {
    records.list = list;
  }
  assert.equal((await send(app, { method: 'GET', url: '/api/incidents', headers: { cookie } })).status, 200);
});

test('the flood guard answers 429 with Retry-After', async () => {
  const guarded = await buildApp(env.services, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
  try {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await send(guarded, { method: 'GET', url: '/api/health', remoteAddress: '192.0.2.1' });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.equal(last?.json.error.code, 'RATE_LIMITED');
    assert.ok(Number(last?.headers['retry-after']) > 0);
    assert.equal((await send(guarded, { method: 'GET', url: '/api/no-such-thing', remoteAddress: '192.0.2.1' })).status, 429, 'probing for endpoints counts');
    assert.equal((await send(guarded, { method: 'GET', url: '/api/health', remoteAddress: '192.0.2.2' })).status, 200, 'per client address');
  } finally {
    await guarded.close();
  }
});

test('the body limit is configurable', async () => {
  const small = await buildApp(env.services, { rateLimit: false, bodyLimit: 1024 });
  try {
    const cookie = await env.login('peshmerga-watch');
    const r = await client(small, cookie).post('/api/incidents', sampleIncident({ description: 'x'.repeat(2000) }));
    assert.equal(r.status, 413);
    assert.equal(r.json.error.code, 'PAYLOAD_TOO_LARGE');
  } finally {
    await small.close();
  }
});

test('requests the HTTP parser refuses get the JSON error shape, and the server keeps serving', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.from('GET /api/places?q=خضر HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')));
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
  assert.match(raw, /^HTTP\/1\.1 400 /);
  const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
  assert.equal(body.error.code, 'VALIDATION');
  assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`)).status, 200);
});
