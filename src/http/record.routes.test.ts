import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { KINDS } from '../core/model/kinds.ts';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { SAMPLE_CHANGES, SAMPLES, sampleIncident, sampleOperation } from '../../test/support/fixtures.ts';
import { client, type Client } from '../../test/support/http.ts';

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let admin: Client;
    let watch: Client;

    before(async () => {
      env = await makeTestEnv({ backend });
      const app = await env.app();
      admin = client(app, await env.login('peshmerga-admin'));
      watch = client(app, await env.login('peshmerga-watch'));
    });
    after(() => env.close());

    describe('every record type: create, read, list, change, release, delete', () => {
      for (const [type, sample] of Object.entries(SAMPLES)) {
        const plural = KINDS[type as keyof typeof SAMPLES].plural;
        test(plural, async () => {
          const created = await admin.post(`/api/${plural}`, { ...sample(), tlp: 'green' });
          assert.equal(created.status, 201, created.text);
          assert.equal(created.json.type, type);
          assert.equal(created.json.scope, 'own', 'nothing leaves until released');
          assert.equal(created.json.tlp, 'green');
          assert.equal(created.json.version, 1);
          assert.equal(created.headers['location'], `/api/${plural}/${created.json.id}`);
          const url = `/api/${plural}/${created.json.id}`;

          const read = await admin.get(url);
          assert.equal(read.status, 200);
          assert.deepEqual(read.json, created.json);
          assert.equal(read.headers['etag'], '"1"');

          const list = await admin.get(`/api/${plural}?count=true`);
          assert.equal(list.status, 200);
          assert.ok(list.json.items.some((r: { id: string }) => r.id === created.json.id));
          assert.equal(typeof list.json.total, 'number');
          assert.ok('nextCursor' in list.json);

          const changed = await admin.patch(url, { version: 1, ...SAMPLE_CHANGES[type as keyof typeof SAMPLES] });
          assert.equal(changed.status, 200, changed.text);
          assert.equal(changed.json.version, 2);
          for (const [k, v] of Object.entries(SAMPLE_CHANGES[type as keyof typeof SAMPLES])) assert.deepEqual(changed.json.data[k], v);

          const released = await admin.post(`${url}/release`, { version: 2, scope: 'bilateral' });
          assert.equal(released.status, 200, released.text);
          assert.equal(released.json.scope, 'bilateral');
          assert.equal(released.json.version, 3);

          const deleted = await admin.del(`${url}?version=3`);
          assert.equal(deleted.status, 204, deleted.text);
          assert.equal(deleted.text, '');
        });
      }
    });

    test('a list without count has no total; limit and cursor page through', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await admin.post('/api/meetings', { title: `Paging meeting ${i}`, startsAt: `2025-03-0${i + 1}T09:00:00Z` })).status, 201);
      const first = await admin.get('/api/meetings?limit=2&q=paging');
      assert.equal(first.status, 200);
      assert.equal(first.json.items.length, 2);
      assert.equal('total' in first.json, false);
      assert.equal(typeof first.json.nextCursor, 'string');
      const second = await admin.get(`/api/meetings?limit=2&q=paging&cursor=${encodeURIComponent(first.json.nextCursor)}`);
      assert.equal(second.status, 200);
      assert.equal(second.json.items.length, 1);
      const titles = [...first.json.items, ...second.json.items].map((r: { data: { title: string } }) => r.data.title).sort();
      assert.deepEqual(titles, ['Paging meeting 0', 'Paging meeting 1', 'Paging meeting 2']);
    });

    test('filters: since/until, status, jcc, bbox, q', async () => {
      const inc = await watch.post('/api/incidents', sampleIncident({ title: 'Filter probe Hawija', occurredAt: '2024-06-10T10:00:00Z', verification: 'confirmed' }));
      assert.equal(inc.status, 201, inc.text);
      const has = async (query: string): Promise<boolean> => {
        const r = await watch.get(`/api/incidents?${query}`);
        assert.equal(r.status, 200, r.text);
        return r.json.items.some((x: { id: string }) => x.id === inc.json.id);
      };
      assert.equal(await has('since=2024-06-01T00:00:00Z&until=2024-06-30T00:00:00Z'), true);
      assert.equal(await has('since=2024-07-01T00:00:00Z'), false);
      assert.equal(await has('status=confirmed'), true);
      assert.equal(await has('status=disputed'), false);
      assert.equal(await has(`jcc=${env.jccIds.KRK}`), true, 'the incident is inside the Kirkuk JCC area');
      assert.equal(await has(`jcc=${env.jccIds.MKH}`), false);
      assert.equal(await has('bbox=44.3,35.4,44.5,35.5'), true);
      assert.equal(await has('bbox=43.5,35.7,43.7,35.9'), false);
      assert.equal(await has('q=hawija'), true);
      assert.equal(await has('q=nowhere'), false);
    });

    test('optimistic concurrency: two changes from the same version, one wins and one gets 409', async () => {
      const inc = await watch.post('/api/incidents', sampleIncident());
      const url = `/api/incidents/${inc.json.id}`;
      const [a, b] = await Promise.all([watch.patch(url, { version: 1, title: 'Change A' }), watch.patch(url, { version: 1, title: 'Change B' })]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.json.error.code, 'CONFLICT');
      const stale = await watch.patch(url, { version: 1, title: 'Change C' });
      assert.equal(stale.status, 409);
      assert.equal((await watch.get(url)).json.version, 2);
    });

    test('If-Match carries the version for PATCH and DELETE; a mismatch with the body is refused', async () => {
      const inc = await watch.post('/api/incidents', sampleIncident());
      const url = `/api/incidents/${inc.json.id}`;
      const changed = await watch.patch(url, { title: 'Changed by If-Match' }, { 'if-match': '"1"' });
      assert.equal(changed.status, 200, changed.text);
      assert.equal(changed.headers['etag'], '"2"');
      const mismatch = await watch.patch(url, { version: 2, title: 'x' }, { 'if-match': '"1"' });
      assert.equal(mismatch.status, 400);
      assert.equal(mismatch.json.error.fields[0].path, 'version');
      const noVersion = await watch.patch(url, { title: 'no version' });
      assert.equal(noVersion.status, 400);
      assert.equal(noVersion.json.error.fields[0].path, 'version');
      assert.equal((await watch.del(url)).status, 400, 'DELETE without a version');
      assert.equal((await watch.del(url, { 'if-match': '"1"' })).status, 409, 'DELETE from a stale version');
      assert.equal((await watch.del(url, { 'if-match': 'W/"2"' })).status, 204);
    });

    test('a null in a PATCH removes an optional field; unknown fields are refused', async () => {
      const inc = await watch.post('/api/incidents', sampleIncident({ placeName: 'Daquq' }));
      const url = `/api/incidents/${inc.json.id}`;
      const cleared = await watch.patch(url, { version: 1, placeName: null });
      assert.equal(cleared.status, 200, cleared.text);
      assert.equal('placeName' in cleared.json.data, false);
      const unknown = await watch.patch(url, { version: 2, colour: 'red' });
      assert.equal(unknown.status, 400);
      assert.match(unknown.json.error.message, /colour/);
    });

    test('delete leaves a tombstone: GET answers 404, lists leave it out, and it cannot be changed', async () => {
      const inc = await watch.post('/api/incidents', sampleIncident({ title: 'Tombstone probe' }));
      const url = `/api/incidents/${inc.json.id}`;
      assert.equal((await watch.del(`${url}?version=1`)).status, 204);
      const gone = await watch.get(url);
      assert.equal(gone.status, 404);
      assert.equal(gone.json.error.code, 'NOT_FOUND');
      const list = await watch.get('/api/incidents?q=tombstone&count=true');
      assert.equal(list.json.items.length, 0);
      assert.equal(list.json.total, 0);
      assert.equal((await watch.patch(url, { version: 2, title: 'back' })).status, 404);
      assert.equal((await watch.del(`${url}?version=2`)).status, 404);
    });

    test('roles: a viewer creates nothing, a watch officer creates incidents but not units', async () => {
      const app = await env.app();
      const viewer = client(app, await env.login('peshmerga-viewer'));
      for (const [type, sample] of Object.entries(SAMPLES)) {
        const r = await viewer.post(`/api/${KINDS[type as keyof typeof SAMPLES].plural}`, sample());
        assert.equal(r.status, 403, `${type}: ${r.text}`);
        assert.equal(r.json.error.code, 'FORBIDDEN');
      }
      const unit = await watch.post('/api/units', SAMPLES.unit());
      assert.equal(unit.status, 403);
      assert.equal(unit.json.error.code, 'FORBIDDEN');
      assert.equal((await watch.post('/api/incidents', sampleIncident())).status, 201);
      assert.equal((await watch.post('/api/operations', sampleOperation())).status, 403, 'operations are for commanders');
    });

    test('create ignores any scope sent: a new record is "own" until released', async () => {
      const r = await watch.post('/api/incidents', { ...sampleIncident(), scope: 'bilateral' });
      assert.equal(r.status, 400, 'scope is not a field of the record');
      assert.match(r.json.error.message, /scope/);
    });
  });
}
