import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { client, type Client } from '../../test/support/http.ts';
import { EXPECTED, NOW, SECRET, SINCE, seedFixture } from '../services/stats.test-fixture.ts';

for (const backend of TEST_BACKENDS) {
  void describe(`GET /api/stats (${backend})`, () => {
    let env: TestEnv;
    let fed: Client;

    before(async () => {
      env = await makeTestEnv({ backend, now: NOW });
      await seedFixture(env);
      fed = client(await env.app(), await env.login('federal-viewer'));
    });
    after(() => env.close());

    test('incident figures for the window, named in the language asked for', async () => {
      const r = await fed.get(`/api/stats/incidents?since=${SINCE}&until=${NOW}&lang=ckb&top=1`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.totals.incidents, EXPECTED.federal.incidents);
      assert.deepEqual(r.json.totals.killed, EXPECTED.federal.killed);
      assert.equal(r.json.tlp, 'amber');
      assert.deepEqual(r.json.byDistrict.map((d: { name: string }) => d.name).sort(), ['مەخموور', 'کەرکووک']);
      assert.equal(r.json.topPlaces.byIncidents.length, 1);
      assert.ok(!r.text.includes(SECRET));
      const krk = await fed.get(`/api/stats/incidents?since=${SINCE}&until=${NOW}&jcc=${env.jccIds.KRK}`);
      assert.equal(krk.json.totals.incidents, 2);
    });

    test('checkpoint staffing', async () => {
      const r = await fed.get('/api/stats/checkpoints');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.totals, { full: 1, short: 1, unmanned: 1, total: 3 });
    });

    test('gap trend: the current analysis and the weeks up to now', async () => {
      const r = await fed.get(`/api/stats/gap-trend?weeks=3&jcc=${env.jccIds.KRK}`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.regionKey, `jcc:${env.jccIds.KRK}`);
      assert.equal(r.json.weeks.length, 3);
      assert.equal(r.json.weeks[2].analyses, 1);
    });

    test('bad parameters: 400 naming the field; nobody signed in: 401', async () => {
      const bad = [
        '/api/stats/incidents?since=2021-12-05T00:00:00Z&until=2021-11-01T00:00:00Z',
        '/api/stats/incidents?lang=fr',
        '/api/stats/incidents?top=0',
        '/api/stats/incidents?jcc=KRK',
        '/api/stats/incidents?since=last-week',
        '/api/stats/incidents?colour=red',
        '/api/stats/checkpoints?jcc=1',
        '/api/stats/checkpoints?lang=ar&x=1',
        '/api/stats/gap-trend?weeks=0',
        '/api/stats/gap-trend?weeks=105',
        '/api/stats/gap-trend?jcc=all',
      ];
      for (const url of bad) {
        const r = await fed.get(url);
        assert.equal(r.status, 400, `${url}: ${r.text}`);
        assert.equal(r.json.error.code, 'VALIDATION');
      }
      assert.equal((await client(await env.app()).get('/api/stats/incidents')).status, 401);
    });
  });
}
