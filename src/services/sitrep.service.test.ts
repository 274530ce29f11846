import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import type { Principal } from '../core/model/common.ts';
import type { SitrepRequest } from './sitrep.service.ts';
import { NOW, SECRET, seedFixture } from './stats.test-fixture.ts';

for (const backend of TEST_BACKENDS) {
  void describe(`SITREP model (${backend})`, () => {
    let env: TestEnv;
    const who = (name: string): Principal => env.principals[name] as Principal;
    const week: SitrepRequest = { lang: 'en', hours: 168, until: NOW };

    before(async () => {
      env = await makeTestEnv({ backend, now: '2021-12-05T06:00:00Z' });
      await seedFixture(env);
    });
    after(() => env.close());

    test('a federal reader: the week holds three incidents, with their casualties, on the map and in the tables', async () => {
      const m = await env.services.sitrep.model(who('federal-viewer'), week);
      assert.equal(m.since, '2021-11-28T00:00:00.000Z');
      assert.equal(m.incidentCount, 3);
      assert.equal(m.map.incidents.length, 3);
      assert.deepEqual(m.map.incidents.map((i) => i.casualties).sort((a, b) => a - b), [1, 3, 8]);
      assert.equal(m.totals.killed.total, 7);
      assert.equal(m.totals.wounded.total, 5);
      assert.equal(m.totals.killed.peshmerga, 0);
      assert.deepEqual(m.incidents.map((i) => i.at), ['2021-12-03T12:00:00.000Z', '2021-12-02T20:00:00.000Z', '2021-11-30T10:00:00.000Z']);
      assert.equal(m.incidents[2]?.place, 'Daquq', 'the gazetteer name, in the reader\'s language');
      assert.deepEqual(m.checkpoints.totals, { full: 1, short: 1, unmanned: 1, total: 3 });
      assert.equal(m.map.forceLines.length, 2);
      assert.deepEqual(m.operations.map((o) => [o.status, o.progressPct]), [['proposed', 40]]);
      assert.deepEqual(m.actionItems.map((a) => [a.title, a.overdue]), [['Share the checkpoint rota', true]]);
      assert.equal(m.tlp, 'amber', 'the JCCs are amber; nothing stricter is visible');
      assert.equal(m.reader.username, 'federal-viewer');
      assert.ok(m.gaps !== null || m.warnings.some((w) => w.startsWith('gap analysis left out')), 'gaps, or a warning saying why not');
    });

    test("the peshmerga's own records never reach a federal reader, in any role", async () => {
      for (const role of ['viewer', 'watch', 'analyst', 'commander', 'liaison', 'admin']) {
        const { html, model } = await env.services.sitrep.html(who(`federal-${role}`), week);
        assert.ok(!html.includes(SECRET) && !JSON.stringify(model).includes(SECRET), role);
        assert.equal(model.totals.killed.peshmerga, 0, role);
        assert.equal(model.tlp, 'amber', role);
      }
    });

    test('a peshmerga reader sees their own incident, and the report takes its stricter label', async () => {
      const m = await env.services.sitrep.model(who('peshmerga-viewer'), week);
      assert.equal(m.incidentCount, 4);
      assert.equal(m.totals.killed.peshmerga, 5);
      assert.equal(m.map.forceLines.length, 3);
      assert.equal(m.actionItems.length, 2);
      assert.equal(m.tlp, 'amber+strict');
    });

    test('a JCC report holds only that JCC; the 24-hour window only its day', async () => {
      const krk = await env.services.sitrep.model(who('federal-viewer'), { ...week, jccId: env.jccIds.KRK });
      assert.equal(krk.jcc?.name, 'Kirkuk JCC');
      assert.equal(krk.incidentCount, 1);
      assert.equal(krk.map.jccAreas.length, 1);
      const day = await env.services.sitrep.model(who('federal-viewer'), { lang: 'ar', hours: 24, until: '2021-12-03T23:00:00Z' });
      assert.equal(day.incidentCount, 1);
      const now = await env.services.sitrep.model(who('federal-viewer'), { lang: 'en', hours: 24 });
      assert.equal(now.until, '2021-12-05T06:00:00.000Z', 'the window ends now by default');
    });

    test('bad requests: hours out of range, a JCC the reader cannot see', async () => {
      for (const hours of [0, -1, 1.5, 745]) await assert.rejects(env.services.sitrep.model(who('federal-viewer'), { ...week, hours }), { code: 'VALIDATION' }, String(hours));
      await assert.rejects(env.services.sitrep.model(who('federal-viewer'), { ...week, jccId: uuidv7() }), { code: 'NOT_FOUND' });
    });
  });
}
