import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Incident } from '../core/model/incident.ts';
import { KIRKUK, makeTestEnv, MAKHMOUR, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { adminAreaAround } from '../../test/support/fixtures.ts';

for (const backend of TEST_BACKENDS) {
  describe(`incident rules (${backend})`, () => {
    let env: TestEnv;
    before(async () => {
      env = await makeTestEnv({ backend });
      await env.services.reference.importBatch(null, { kind: 'admin-areas', items: [adminAreaAround('IQG13', 1, KIRKUK, 0.5), adminAreaAround('IQG13Q02', 2, KIRKUK, 0.2)] }, 'test');
    });
    after(() => env.close());

    const body = (at: [number, number]) => ({ title: 'IED on the road', occurredAt: '2021-12-02T18:30:00+03:00', location: { type: 'Point', coordinates: at } });

    it('fills the most detailed admin area and the JCC from the location', async () => {
      const p = env.principals['peshmerga-watch']!;
      const inc = await env.services.records.create(p, 'incident', body(KIRKUK));
      const data = inc.data as Incident;
      assert.equal(data.adminPcode, 'IQG13Q02');
      assert.equal(data.jccId, env.jccIds.KRK);
      assert.equal(data.occurredAt, '2021-12-02T15:30:00.000Z', 'stored in UTC');
    });

    it('keeps codes the user gave, and derives them again after a move', async () => {
      const p = env.principals['peshmerga-watch']!;
      const inc = await env.services.records.create(p, 'incident', { ...body(KIRKUK), adminPcode: 'IQG13' });
      assert.equal((inc.data as Incident).adminPcode, 'IQG13');
      const moved = await env.services.records.update(p, 'incident', inc.id, inc.version, { location: { type: 'Point', coordinates: MAKHMOUR } });
      const data = moved.data as Incident;
      assert.equal(data.adminPcode, undefined, 'no admin area imported at Makhmour');
      assert.equal(data.jccId, env.jccIds.MKH);
    });
  });
}
