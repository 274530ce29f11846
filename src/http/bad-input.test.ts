import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident } from '../../test/support/fixtures.ts';
import { client, send, type Client, type Reply } from '../../test/support/http.ts';

/** Hostile and careless input: each gets a 4xx JSON error naming the problem, and the server keeps serving. */

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let app: FastifyInstance;
    let cookie: string;
    let watch: Client;

    before(async () => {
      env = await makeTestEnv({ backend });
      app = await env.app();
      cookie = await env.login('peshmerga-watch');
      watch = client(app, cookie);
    });
    after(() => env.close());

    const raw = (payload: string | Buffer, contentType = 'application/json'): Promise<Reply> =>
      send(app, { method: 'POST', url: '/api/incidents', headers: { cookie, 'content-type': contentType }, payload });

    async function assertRefused(r: Reply, status: number, field?: string | RegExp): Promise<void> {
      assert.equal(r.status, status, r.text);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      assert.equal(typeof r.json.error.code, 'string');
      assert.equal(typeof r.json.error.message, 'string');
      assert.doesNotMatch(r.text, /at .*\.ts:\d+|node_modules|SQLITE|sql/i, 'no internals');
      if (field instanceof RegExp) assert.match(JSON.stringify(r.json.error), field);
      else if (field) assert.ok(r.json.error.fields?.some((f: { path: string }) => f.path === field), `names ${field}: ${r.text}`);
      const health = await send(app, { method: 'GET', url: '/api/health' });
      assert.equal(health.status, 200, 'still serving');
    }

    const polygon = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });

    test('malformed JSON', async () => {
      const r = await raw('{"title": "x",');
      await assertRefused(r, 400, '(body)');
      assert.match(r.json.error.message, /^malformed JSON: /);
    });

    test('invalid UTF-8 bytes', async () => {
      const r = await raw(Buffer.concat([Buffer.from('{"title": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]));
      await assertRefused(r, 400);
      assert.equal(r.json.error.message, 'body is not valid UTF-8');
    });

    test('a body that is not JSON: 415', async () => {
      await assertRefused(await raw('title=x', 'application/x-www-form-urlencoded'), 415);
      await assertRefused(await raw('<incident/>', 'text/xml'), 415);
    });

    test('a 2 MiB body: 413', async () => {
      const r = await raw(JSON.stringify(sampleIncident({ description: 'x'.repeat(2 * 1024 * 1024) })));
      await assertRefused(r, 413);
      assert.equal(r.json.error.code, 'PAYLOAD_TOO_LARGE');
    });

    test('wrong types', async () => {
      await assertRefused(await watch.post('/api/incidents', sampleIncident({ title: 42 })), 400, 'title');
      await assertRefused(await watch.post('/api/incidents', sampleIncident({ killed: { civilian: -1 } })), 400, 'killed.civilian');
      await assertRefused(await watch.post('/api/incidents', [sampleIncident()]), 400);
      await assertRefused(await watch.post('/api/incidents', sampleIncident({ occurredAt: 'yesterday' })), 400, 'occurredAt');
    });

    test('unknown fields', async () => {
      await assertRefused(await watch.post('/api/incidents', sampleIncident({ suspectName: 'x' })), 400, /suspectName/);
      await assertRefused(await watch.post('/api/session', { username: 'a', password: 'b', admin: true }), 400, 'admin');
    });

    test('a __proto__ key', async () => {
      await assertRefused(await raw('{"title":"x","__proto__":{"tlp":"clear"}}'), 400, '__proto__');
    });

    test('geometry: self-intersecting polygon, latitude 95, swapped lat/lon for Kirkuk', async () => {
      const bowtie = polygon([[44.3, 35.4], [44.5, 35.6], [44.5, 35.4], [44.3, 35.6], [44.3, 35.4]]);
      const self = await watch.post('/api/operations', { name: 'x', kind: 'sweep', area: bowtie, plannedStart: '2025-03-05T04:00:00Z', plannedEnd: '2025-03-06T04:00:00Z' });
      // Watch officers may not plan operations; the commander's attempt shows the geometry check.
      assert.equal(self.status, 403);
      const commander = client(app, await env.login('peshmerga-commander'));
      const r = await commander.post('/api/operations', { name: 'x', kind: 'sweep', area: bowtie, plannedStart: '2025-03-05T04:00:00Z', plannedEnd: '2025-03-06T04:00:00Z' });
      await assertRefused(r, 400, /area/);
      assert.match(r.json.error.message, /intersect/i);

      await assertRefused(await watch.post('/api/incidents', sampleIncident({ location: { type: 'Point', coordinates: [44.39, 95] } })), 400, /location\.coordinates/);
      const swapped = await watch.post('/api/incidents', sampleIncident({ location: { type: 'Point', coordinates: [35.47, 44.39] } }));
      await assertRefused(swapped, 400, 'location.coordinates');
      assert.match(swapped.json.error.message, /swapped/);
    });

    test('direction overrides and markup in a title', async () => {
      const rlo = await watch.post('/api/incidents', sampleIncident({ title: 'Checkpoint \u202Egnp.exe' }));
      await assertRefused(rlo, 400, 'title');
      const script = await watch.post('/api/incidents', sampleIncident({ title: '<script>alert(1)</script>' }));
      await assertRefused(script, 400, 'title');
    });

    test('SQL in a description is stored verbatim and harmless', async () => {
      const sqlText = "'; DROP TABLE records; --";
      const r = await watch.post('/api/incidents', sampleIncident({ title: 'Injection probe', description: sqlText }));
      assert.equal(r.status, 201, r.text);
      const back = await watch.get(`/api/incidents/${r.json.id}`);
      assert.equal(back.json.data.description, sqlText);
      const list = await watch.get('/api/incidents?q=injection&count=true');
      assert.equal(list.status, 200);
      assert.equal(list.json.total, 1, 'the table still works');
      assert.equal((await watch.post('/api/incidents', sampleIncident())).status, 201);
    });

    test('path and query: a non-UUID id, an inverted bbox, limit=100000, bad instants', async () => {
      await assertRefused(await watch.get('/api/incidents/not-a-uuid'), 400, 'id');
      await assertRefused(await watch.get("/api/incidents/1' OR '1'='1"), 400, 'id');
      await assertRefused(await watch.patch('/api/incidents/123', { version: 1 }), 400, 'id');
      await assertRefused(await watch.get('/api/incidents?bbox=44.5,35.4,44.3,35.6'), 400, 'bbox');
      await assertRefused(await watch.get('/api/incidents?bbox=44.3,-95,44.5,35.6'), 400, 'bbox');
      await assertRefused(await watch.get('/api/incidents?bbox=1,2,3'), 400, 'bbox');
      await assertRefused(await watch.get('/api/incidents?limit=100000'), 400, 'limit');
      await assertRefused(await watch.get('/api/incidents?limit=0'), 400, 'limit');
      await assertRefused(await watch.get('/api/incidents?since=last-week'), 400, 'since');
      await assertRefused(await watch.get('/api/incidents?since=2025-03-01T00:00:00Z&until=2025-01-01T00:00:00Z'), 400, 'until');
      await assertRefused(await watch.get(`/api/incidents?q=${'a'.repeat(201)}`), 400, 'q');
      await assertRefused(await watch.get('/api/incidents?party=isis'), 400, 'party');
      await assertRefused(await watch.get('/api/incidents?jcc=KRK'), 400, 'jcc');
      await assertRefused(await watch.get('/api/incidents?status=DROP%20TABLE'), 400, 'status');
      await assertRefused(await watch.get('/api/incidents?count=yes'), 400, 'count');
      await assertRefused(await watch.get('/api/incidents?colour=red'), 400, 'colour');
      await assertRefused(await watch.get('/api/incidents?limit=1&limit=2'), 400, 'limit');
    });

    test('a wrong If-Match', async () => {
      const r = await watch.post('/api/incidents', sampleIncident());
      await assertRefused(await watch.patch(`/api/incidents/${r.json.id}`, { title: 'x' }, { 'if-match': 'abc' }), 400, 'If-Match');
    });

    test('unknown endpoints and methods answer JSON 404', async () => {
      await assertRefused(await watch.get('/api/nothing-here'), 404);
      await assertRefused(await watch.request('PUT', '/api/incidents', {}), 404);
    });
  });
}
