import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KIRKUK, makeTestEnv, MAKHMOUR, squareAround, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { adminAreaAround } from '../../test/support/fixtures.ts';
import { AreaLookup } from './area-lookup.ts';

for (const backend of TEST_BACKENDS) {
  describe(`area lookup (${backend})`, () => {
    let env: TestEnv;
    before(async () => {
      env = await makeTestEnv({ backend });
    });
    after(() => env.close());

    it('sees an import made through this process at once', async () => {
      assert.deepEqual(await env.services.reference.locate(...KIRKUK), []);
      await env.services.reference.importBatch(null, { kind: 'admin-areas', items: [adminAreaAround('IQG13Q02', 2, KIRKUK, 0.2)] }, 'test');
      assert.deepEqual((await env.services.reference.locate(...KIRKUK)).map((a) => a.pcode), ['IQG13Q02']);
    });

    it('sees a change made by another process once its time to live has passed', async () => {
      let nowMs = 0;
      const lookup = new AreaLookup(env.store, () => nowMs);
      assert.deepEqual(await lookup.adminAreasAt(...MAKHMOUR), []);
      // Written straight to the store, as the CLI in another process would.
      await env.store.write((tx) => tx.upsertAdminAreas([adminAreaAround('IQN01Q01', 2, MAKHMOUR, 0.1)]));
      assert.deepEqual(await lookup.adminAreasAt(...MAKHMOUR), [], 'still the loaded copy');
      nowMs = 60_000;
      assert.deepEqual((await lookup.adminAreasAt(...MAKHMOUR)).map((a) => a.pcode), ['IQN01Q01']);
    });

    it('answers JCCs by the reader access, and follows changes to them', async () => {
      const pesh = env.principals['peshmerga-admin']!;
      const fed = env.principals['federal-watch']!;
      const far: [number, number] = [45.4, 34.3];
      const jcc = await env.services.records.create(pesh, 'jcc', { code: 'KHN', name: { en: 'Khanaqin JCC' }, area: squareAround(far, 0.2) });
      assert.deepEqual((await env.services.ctx.areas.jccsAt(pesh, ...far)).map((r) => r.id), [jcc.id]);
      assert.deepEqual(await env.services.ctx.areas.jccsAt(fed, ...far), [], 'not released to the federal side');
      await env.services.records.release(pesh, 'jcc', jcc.id, jcc.version, { kind: 'bilateral' }, 'green');
      assert.deepEqual((await env.services.ctx.areas.jccsAt(fed, ...far)).map((r) => r.id), [jcc.id]);
    });
  });
}
