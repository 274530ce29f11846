import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { sampleOperation } from '../../test/support/fixtures.ts';
import { client, type Client } from '../../test/support/http.ts';

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let pesh: Client;
    let fed: Client;
    let fedViewer: Client;

    before(async () => {
      env = await makeTestEnv({ backend });
      const app = await env.app();
      pesh = client(app, await env.login('peshmerga-commander'));
      fed = client(app, await env.login('federal-commander'));
      fedViewer = client(app, await env.login('federal-viewer'));
    });
    after(() => env.close());

    /** A proposed joint operation of the Peshmerga, released to the federal side so it can approve. */
    async function proposeOperation(name: string): Promise<{ id: string; url: string; version: number }> {
      const op = await pesh.post('/api/operations', sampleOperation({ name }));
      assert.equal(op.status, 201, op.text);
      const url = `/api/operations/${op.json.id}`;
      const rel = await pesh.post(`${url}/release`, { version: 1, scope: 'bilateral' });
      assert.equal(rel.status, 200, rel.text);
      return { id: op.json.id, url, version: rel.json.version };
    }

    const approve = (c: Client, url: string, planRevision: number) => c.post(`${url}/approvals`, { decision: 'approved', planRevision, comment: 'agreed' });

    test('an operation cannot be created already active', async () => {
      const r = await pesh.post('/api/operations', sampleOperation({ status: 'active' }));
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.fields[0].path, 'status');
    });

    test('both commanders approve, then the operation starts', async () => {
      const op = await proposeOperation('Joint sweep north of Makhmour');
      const none = await pesh.get(`${op.url}/approvals`);
      assert.equal(none.status, 200);
      assert.deepEqual(none.json.missing.sort(), ['federal', 'peshmerga']);

      const early = await pesh.patch(op.url, { version: op.version, status: 'active' });
      assert.equal(early.status, 409, 'not approved yet');

      const f = await approve(fed, op.url, 1);
      assert.equal(f.status, 201, f.text);
      assert.equal(f.json.type, 'operation-approval');
      assert.equal(f.json.originParty, 'federal');
      assert.equal(f.json.scope, 'bilateral', 'a decision is meant for the other party');
      assert.equal((await approve(pesh, op.url, 1)).status, 201);

      const state = await fed.get(`${op.url}/approvals`);
      assert.equal(state.status, 200);
      assert.deepEqual(state.json.missing, []);
      assert.deepEqual(state.json.approvals.map((a: { party: string }) => a.party).sort(), ['federal', 'peshmerga']);

      const started = await pesh.patch(op.url, { version: op.version, status: 'active' });
      assert.equal(started.status, 200, started.text);
      assert.equal(started.json.data.status, 'active');
    });

    test('a change of plan after approval needs approving again', async () => {
      const op = await proposeOperation('Clearance of the Daquq road');
      await approve(fed, op.url, 1);
      await approve(pesh, op.url, 1);
      const replanned = await pesh.patch(op.url, { version: op.version, plannedEnd: '2025-03-07T16:00:00Z' });
      assert.equal(replanned.status, 200, replanned.text);
      assert.equal(replanned.json.data.planRevision, 2);

      const start = await pesh.patch(op.url, { version: replanned.json.version, status: 'active' });
      assert.equal(start.status, 409, start.text);
      assert.equal(start.json.error.code, 'CONFLICT');
      const state = await pesh.get(`${op.url}/approvals`);
      assert.equal(state.json.planRevision, 2);
      assert.deepEqual(state.json.missing.sort(), ['federal', 'peshmerga']);

      const stale = await approve(fed, op.url, 1);
      assert.equal(stale.status, 409, 'approving an old revision');
    });

    test("approvals of one operation never count for another", async () => {
      const a = await proposeOperation('Operation A');
      const b = await proposeOperation('Operation B');
      await approve(fed, a.url, 1);
      await approve(pesh, a.url, 1);
      const state = await pesh.get(`${b.url}/approvals`);
      assert.deepEqual(state.json.approvals, []);
      assert.equal((await pesh.patch(b.url, { version: b.version, status: 'active' })).status, 409);
    });

    test('only commanders decide; decisions are validated', async () => {
      const op = await proposeOperation('Joint patrol, Kirkuk south');
      const viewer = await approve(fedViewer, op.url, 1);
      assert.equal(viewer.status, 403);
      const bad = await fed.post(`${op.url}/approvals`, { decision: 'maybe', planRevision: 1 });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.fields[0].path, 'decision');
      const extra = await fed.post(`${op.url}/approvals`, { decision: 'approved', planRevision: 1, operationId: op.id });
      assert.equal(extra.status, 400, 'the operation comes from the path');
    });
  });
}
