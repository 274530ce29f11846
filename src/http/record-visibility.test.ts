import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident, sampleOperation } from '../../test/support/fixtures.ts';
import { client, type Client, type Reply } from '../../test/support/http.ts';

/**
 * Leak probes (DESIGN §4): a record of one party that was not released must be invisible to the
 * other party through every door, and "not allowed" must look exactly like "not found".
 */

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let as: Record<string, Client>;
    const AT: [number, number] = [44.41, 35.49];
    const AROUND = 'bbox=44.40,35.48,44.42,35.50';

    before(async () => {
      env = await makeTestEnv({ backend });
      const app = await env.app();
      as = {};
      for (const u of ['peshmerga-commander', 'peshmerga-viewer', 'federal-viewer', 'federal-watch', 'federal-commander', 'federal-admin']) as[u] = client(app, await env.login(u));
    });
    after(() => env.close());

    const FEDERAL = ['federal-viewer', 'federal-watch', 'federal-commander', 'federal-admin'];
    const user = (name: string): Client => as[name] as Client;
    const ids = (r: Reply): string[] => r.json.items.map((x: { id: string }) => x.id);

    async function createSecret(word: string, over: Record<string, unknown> = {}): Promise<{ id: string; url: string }> {
      const r = await user('peshmerga-commander').post('/api/incidents', sampleIncident({ title: `Probe ${word}`, description: `only this record says ${word}`, location: { type: 'Point', coordinates: AT }, ...over }));
      assert.equal(r.status, 201, r.text);
      return { id: r.json.id, url: `/api/incidents/${r.json.id}` };
    }

    /** Every way `reader` could learn of the record; true where it shows. */
    async function doors(reader: string, id: string, word: string): Promise<Record<string, boolean>> {
      const c = user(reader);
      const byId = await c.get(`/api/incidents/${id}`);
      const list = await c.get('/api/incidents?limit=500');
      const search = await c.get(`/api/incidents?q=${word}&count=true`);
      const party = await c.get('/api/incidents?party=peshmerga&limit=500');
      const box = await c.get(`/api/incidents?${AROUND}`);
      const jcc = await c.get(`/api/incidents?jcc=${env.jccIds.KRK}&limit=500`);
      for (const r of [list, search, party, box, jcc]) assert.equal(r.status, 200, r.text);
      return {
        byId: byId.status === 200,
        list: ids(list).includes(id),
        search: ids(search).includes(id),
        searchTotal: search.json.total > 0,
        partyFilter: ids(party).includes(id),
        bbox: ids(box).includes(id),
        jccFilter: ids(jcc).includes(id),
      };
    }

    const NONE = { byId: false, list: false, search: false, searchTotal: false, partyFilter: false, bbox: false, jccFilter: false };
    const ALL = { byId: true, list: true, search: true, searchTotal: true, partyFilter: true, bbox: true, jccFilter: true };

    test('an own record: its party sees it through every door, the other party through none', async () => {
      const word = 'zelkovaqq';
      const { id } = await createSecret(word);
      assert.deepEqual(await doors('peshmerga-viewer', id, word), ALL, 'the probes can see the record when allowed');
      for (const u of FEDERAL) assert.deepEqual(await doors(u, id, word), NONE, u);
    });

    test('count totals of the other party do not move when an own record is added', async () => {
      const totals = async (): Promise<number[]> =>
        Promise.all(FEDERAL.map(async (u) => (await user(u).get('/api/incidents?count=true&party=peshmerga')).json.total as number));
      const before = await totals();
      const own = await user('peshmerga-viewer').get('/api/incidents?count=true');
      await createSecret('countprobe');
      assert.deepEqual(await totals(), before);
      assert.equal((await user('peshmerga-viewer').get('/api/incidents?count=true')).json.total, own.json.total + 1);
    });

    test('"not allowed" answers byte for byte like "not found": read, change, delete, release', async () => {
      const { url } = await createSecret('bytewise');
      const missing = `/api/incidents/${uuidv7()}`;
      const attempts: [string, (c: Client, u: string) => Promise<Reply>][] = [
        ['GET', (c, u) => c.get(u)],
        ['PATCH', (c, u) => c.patch(u, { version: 1, title: 'taken over' })],
        ['DELETE', (c, u) => c.del(`${u}?version=1`)],
        ['release', (c, u) => c.post(`${u}/release`, { version: 1, scope: 'bilateral' })],
      ];
      for (const u of FEDERAL) {
        for (const [name, attempt] of attempts) {
          const hidden = await attempt(user(u), url);
          const absent = await attempt(user(u), missing);
          assert.equal(hidden.status, 404, `${u} ${name}: ${hidden.text}`);
          assert.equal(hidden.text, absent.text, `${u} ${name}`);
          assert.equal(hidden.headers['content-length'], absent.headers['content-length']);
        }
      }
      assert.equal((await user('peshmerga-commander').get(url)).json.version, 1, 'no attempt changed it');
    });

    test('operation approvals of an unreleased operation: the other party learns nothing', async () => {
      const op = await user('peshmerga-commander').post('/api/operations', sampleOperation());
      assert.equal(op.status, 201, op.text);
      const hidden = `/api/operations/${op.json.id}/approvals`;
      const absent = `/api/operations/${uuidv7()}/approvals`;
      const fed = user('federal-commander');
      const [h, a] = [await fed.get(hidden), await fed.get(absent)];
      assert.equal(h.status, 404);
      assert.equal(h.text, a.text);
      const decision = { decision: 'approved', planRevision: 1 };
      const [hp, ap] = [await fed.post(hidden, decision), await fed.post(absent, decision)];
      assert.ok(hp.status >= 400 && hp.status < 500, hp.text);
      assert.equal(hp.status, ap.status);
      assert.equal(hp.text, ap.text);
      assert.equal((await user('peshmerga-commander').get(hidden)).status, 200);
    });

    test('released bilateral: the whole other party sees it, without the staff account ids', async () => {
      const word = 'bilateralqq';
      const { id, url } = await createSecret(word);
      const rel = await user('peshmerga-commander').post(`${url}/release`, { version: 1, scope: 'bilateral', tlp: 'green' });
      assert.equal(rel.status, 200, rel.text);
      for (const u of FEDERAL) assert.deepEqual(await doors(u, id, word), ALL, u);
      const seen = await user('federal-viewer').get(url);
      assert.equal(seen.json.tlp, 'green');
      assert.equal(seen.json.createdBy, null);
      assert.equal(seen.json.updatedBy, null);
      assert.equal((await user('peshmerga-viewer').get(url)).json.createdBy, env.principals['peshmerga-commander']?.userId);

      const back = await user('peshmerga-commander').post(`${url}/release`, { version: 2, scope: 'own' });
      assert.equal(back.status, 200);
      for (const u of FEDERAL) assert.deepEqual(await doors(u, id, word), NONE, `${u} after narrowing to own`);
    });

    test('released to one JCC: only the other party staff assigned to it see it', async () => {
      const word = 'jccscopeqq';
      const { id, url } = await createSecret(word);
      const rel = await user('peshmerga-commander').post(`${url}/release`, { version: 1, scope: `jcc:${env.jccIds.KRK}` });
      assert.equal(rel.status, 200, rel.text);
      assert.equal(rel.json.scope, `jcc:${env.jccIds.KRK}`);
      assert.deepEqual(await doors('federal-watch', id, word), ALL, 'federal-watch is assigned to KRK');
      for (const u of ['federal-viewer', 'federal-commander', 'federal-admin']) assert.deepEqual(await doors(u, id, word), NONE, u);

      const mkh = await user('peshmerga-commander').post(`${url}/release`, { version: 2, scope: `jcc:${env.jccIds.MKH}` });
      assert.equal(mkh.status, 200);
      assert.deepEqual(await doors('federal-watch', id, word), NONE, 'not assigned to MKH');
    });

    test('TLP:RED never leaves; its own party sees it only as commander, admin or author', async () => {
      const red = await createSecret('redqq', { tlp: 'red' });
      const r = await user('peshmerga-commander').post(`${red.url}/release`, { version: 1, scope: 'bilateral' });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.code, 'VALIDATION');
      assert.equal(r.json.error.fields[0].path, 'tlp');
      assert.equal((await user('peshmerga-viewer').get(red.url)).status, 404);

      const amber = await createSecret('amberqq');
      const toRed = await user('peshmerga-commander').post(`${amber.url}/release`, { version: 1, scope: `jcc:${env.jccIds.KRK}`, tlp: 'red' });
      assert.equal(toRed.status, 400);
      assert.equal((await user('federal-watch').get(amber.url)).status, 404);
    });

    test('drafts are not released; unknown JCCs and malformed scopes are refused', async () => {
      const draft = await createSecret('draftqq', { verification: 'draft' });
      const r = await user('peshmerga-commander').post(`${draft.url}/release`, { version: 1, scope: 'bilateral' });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.fields[0].path, 'scope');
      assert.equal((await user('federal-viewer').get(draft.url)).status, 404);

      const unknownJcc = await user('peshmerga-commander').post(`${draft.url}/release`, { version: 1, scope: `jcc:${uuidv7()}` });
      assert.equal(unknownJcc.status, 400);
      const malformed = await user('peshmerga-commander').post(`${draft.url}/release`, { version: 1, scope: 'everyone' });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.json.error.fields[0].path, 'scope');
    });

    test('releasing needs a releasing role of the origin party', async () => {
      const { url } = await createSecret('roleqq');
      const r = await user('peshmerga-viewer').post(`${url}/release`, { version: 1, scope: 'bilateral' });
      assert.equal(r.status, 403);
    });
  });
}
