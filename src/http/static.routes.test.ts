import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { makeTestEnv, type TestEnv } from '../../test/support/env.ts';
import { send } from '../../test/support/http.ts';
import { appCsp, fileUnder } from './static.routes.ts';

const INDEX = '<!doctype html><title>Tansiq</title><script type="module" src="/assets/index-abc123.js"></script>';
const JS = 'console.log("tansiq");'.repeat(50);

describe('the web app is served from web/dist', () => {
  let env: TestEnv;
  let app: FastifyInstance;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'tansiq-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), JS);
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(tmpdir(), 'tansiq-secret.txt'), 'outside');
    env = await makeTestEnv({ app: { webRoot: root } });
    app = await env.app();
  });
  after(async () => {
    await env.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and the app CSP', async () => {
    const r = await send(app, { method: 'GET', url: '/' });
    assert.equal(r.status, 200);
    assert.equal(r.text, INDEX);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.equal(r.headers['cache-control'], 'no-cache');
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /img-src 'self' data: blob:/);
    assert.match(csp, /connect-src 'self' ws:\/\/localhost:80 wss:\/\/localhost:80/);
    assert.equal(r.headers['x-frame-options'], 'DENY');
  });

  it('caches hashed assets for a year, gzips them when asked, and revalidates by ETag', async () => {
    const plain = await send(app, { method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(plain.status, 200);
    assert.equal(plain.text, JS);
    assert.match(String(plain.headers['content-type']), /^text\/javascript/);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    const gz = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), JS);
    assert.ok(gz.rawPayload.length < JS.length / 4);
    const again = await send(app, { method: 'GET', url: '/assets/index-abc123.js', headers: { 'if-none-match': String(plain.headers['etag']) } });
    assert.equal(again.status, 304);
  });

  it('answers app routes with index.html and keeps /api and missing files as JSON 404s', async () => {
    for (const url of ['/desk', '/map/anything?x=1', '/sitrep/']) {
      const r = await send(app, { method: 'GET', url });
      assert.equal(r.status, 200, url);
      assert.equal(r.text, INDEX, url);
    }
    for (const url of ['/api/nope', '/api', '/assets/gone-123.js', '/robots.txt']) {
      const r = await send(app, { method: 'GET', url });
      assert.equal(r.status, 404, url);
      assert.equal(r.json.error.code, 'NOT_FOUND', url);
    }
    assert.equal((await send(app, { method: 'GET', url: '/api/health' })).status, 200);
  });

  it('never serves a file outside web/dist, and bad paths get a clear 400 or 404', async () => {
    for (const url of ['/../tansiq-secret.txt', '/%2e%2e/tansiq-secret.txt', '/assets/..%2f..%2ftansiq-secret.txt', '/..%5ctansiq-secret.txt']) {
      const r = await send(app, { method: 'GET', url });
      assert.ok(!r.text.includes('outside'), url);
      assert.ok([200, 400, 404].includes(r.status), `${url}: ${r.status}`);
      if (r.status === 200) assert.equal(r.text, INDEX, url);
    }
    // Fastify refuses a malformed percent-encoding before any route runs (the same for /api).
    assert.equal((await send(app, { method: 'GET', url: '/%E0%A4%A' })).status, 400);
  });

  it('resolves paths only inside the root', () => {
    assert.equal(fileUnder('/srv/web', '/a/b.js'), '/srv/web/a/b.js');
    assert.equal(fileUnder('/srv/web', '/../etc/passwd'), null);
    assert.equal(fileUnder('/srv/web', '/%00'), null);
    assert.equal(fileUnder('/srv/web', '/%zz'), null);
    assert.doesNotMatch(appCsp('evil.example; script-src *'), /evil/);
  });
});

describe('without a built web app', () => {
  it('says how to build it instead of crashing', async () => {
    const env = await makeTestEnv({ app: { webRoot: join(tmpdir(), 'tansiq-no-such-dist') } });
    try {
      const r = await send(await env.app(), { method: 'GET', url: '/' });
      assert.equal(r.status, 503);
      assert.match(r.json.error.message, /build:web/);
    } finally {
      await env.close();
    }
  });
});
