import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident } from '../../test/support/fixtures.ts';
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

    test('the audit trail is for administrators', async () => {
      assert.equal((await watch.get('/api/audit')).status, 403);
      assert.equal((await watch.get('/api/audit/verify')).status, 403);
    });

    test('an administrator reads the entries in order and pages with after/limit', async () => {
      const inc = await watch.post('/api/incidents', sampleIncident());
      const r = await admin.get('/api/audit?limit=1000');
      assert.equal(r.status, 200, r.text);
      const entry = r.json.items.find((e: { targetId: string }) => e.targetId === inc.json.id);
      assert.equal(entry.action, 'incident.create');
      assert.equal(entry.actorName, 'peshmerga-watch');
      const seqs = r.json.items.map((e: { seq: number }) => e.seq);
      assert.deepEqual(seqs, [...seqs].sort((a: number, b: number) => a - b));
      const page = await admin.get(`/api/audit?after=${seqs[1]}&limit=2`);
      assert.deepEqual(page.json.items.map((e: { seq: number }) => e.seq), seqs.slice(2, 4));
      assert.equal((await admin.get('/api/audit?limit=5000')).status, 400);
    });

    test('verify walks the chain', async () => {
      const r = await admin.get('/api/audit/verify');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.ok, true);
      assert.ok(r.json.count > 10);
    });
  });
}
