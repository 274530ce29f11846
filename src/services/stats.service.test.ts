import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import type { Principal } from '../core/model/common.ts';
import { createServices } from './services.ts';
import { EXPECTED, NOW, SECRET, SINCE, seedFixture } from './stats.test-fixture.ts';

for (const backend of TEST_BACKENDS) {
  void describe(`statistics (${backend})`, () => {
    let env: TestEnv;
    const who = (name: string): Principal => env.principals[name] as Principal;

    before(async () => {
      env = await makeTestEnv({ backend, now: NOW });
      await seedFixture(env);
    });
    after(() => env.close());

    for (const party of ['federal', 'peshmerga'] as const) {
      test(`${party} reader: totals, casualties by category, weeks and label match the hand count`, async () => {
        const s = await env.services.stats.incidents(who(`${party}-viewer`), { since: SINCE, until: NOW });
        const want = EXPECTED[party];
        assert.equal(s.totals.incidents, want.incidents);
        assert.deepEqual(s.totals.killed, want.killed);
        assert.deepEqual(s.totals.wounded, want.wounded);
        assert.deepEqual(Object.fromEntries(s.byWeek.map((w) => [w.week, w.incidents])), want.weeks);
        assert.deepEqual(s.byWeek.map((w) => w.weekStart), ['2021-11-15', '2021-11-22', '2021-11-29']);
        assert.equal(s.tlp, want.tlp);
      });
    }

    test('federal reader: by JCC, district (named in Arabic), event type and top places', async () => {
      const s = await env.services.stats.incidents(who('federal-viewer'), { since: SINCE, until: NOW, lang: 'ar' });
      const rows = <T extends { incidents: number }>(list: T[], key: (t: T) => unknown) => Object.fromEntries(list.map((r) => [String(key(r)), r.incidents]));
      assert.deepEqual(rows(s.byJcc, (r) => r.jccId), { [env.jccIds.KRK]: 2, [env.jccIds.MKH]: 2 });
      assert.deepEqual(s.byDistrict.map((d) => [d.pcode, d.name, d.incidents]).sort(), [['IQG11Q04', 'مخمور', 2], ['IQG13Q01', 'كركوك', 2]]);
      assert.deepEqual(rows(s.byEventType, (r) => r.eventType), { 'Battles': 1, 'Explosions/Remote violence': 1, 'null': 2 });
      assert.equal(s.byEventType.find((r) => r.eventType === 'Battles')?.name, 'معارك');
      assert.deepEqual(s.topPlaces.byIncidents.map((p) => [p.key, p.name, p.incidents]), [['pcode:IQG11Q04', 'مخمور', 2], ['local:daquq', 'داقوق', 1], ['pcode:IQG13Q01N01', 'مركز كركوك', 1]]);
      assert.deepEqual(s.topPlaces.byCasualties.map((p) => [p.key, p.killed.total + p.wounded.total]), [['pcode:IQG11Q04', 9], ['local:daquq', 3]]);
    });

    test('a JCC filter and a narrower window count only what falls in them', async () => {
      const krk = await env.services.stats.incidents(who('federal-viewer'), { since: SINCE, until: NOW, jccId: env.jccIds.KRK });
      assert.equal(krk.totals.incidents, 2);
      const week48 = await env.services.stats.incidents(who('federal-viewer'), { since: '2021-11-29T00:00:00Z', until: NOW });
      assert.equal(week48.totals.incidents, 3);
      assert.deepEqual(week48.byWeek.map((w) => w.week), ['2021-W48']);
    });

    test("the peshmerga's own incident never shows in a federal reader's figures", async () => {
      for (const role of ['viewer', 'watch', 'commander', 'admin']) {
        const s = await env.services.stats.incidents(who(`federal-${role}`), { since: SINCE, until: NOW });
        assert.equal(s.totals.killed.peshmerga, 0, role);
        assert.equal(s.tlp, 'amber', role);
        assert.ok(!JSON.stringify(s).includes(SECRET), role);
      }
    });

    test('checkpoint staffing: full, short and unmanned per checkpoint and in total', async () => {
      const fed = await env.services.stats.checkpoints(who('federal-viewer'));
      assert.deepEqual(fed.totals, { full: 1, short: 1, unmanned: 1, total: 3 });
      assert.deepEqual(fed.checkpoints.map((c) => [c.name, c.staffing, c.planned, c.present]), [
        ['Daquq road post', 'short', 18, 14],
        ['Kirkuk south gate', 'full', 18, 18],
        ['Old quarry post', 'unmanned', 0, 0],
      ]);
      const pes = await env.services.stats.checkpoints(who('peshmerga-viewer'));
      assert.deepEqual(pes.totals, { full: 2, short: 1, unmanned: 1, total: 4 });
    });

    test('gap trend: each week shows the last analysis made in it, for readers who see the same records', async () => {
      const fed = who('federal-viewer');
      try {
        env.clock.set('2021-11-10T08:00:00Z');
        const first = await env.services.stats.gapTrend(fed, { weeks: 2 });
        assert.equal(first.regionKey, 'preset:disputed');
        assert.ok(first.current.regionKm2 > first.current.uncoveredKm2 && first.current.uncoveredKm2 > 0);
        env.clock.set('2021-11-24T08:00:00Z');
        const later = await env.services.stats.gapTrend(fed, { weeks: 4 });
        assert.deepEqual(later.weeks.map((w) => [w.week, w.analyses, w.uncoveredKm2 === null]), [['2021-W44', 0, true], ['2021-W45', 1, false], ['2021-W46', 0, true], ['2021-W47', 1, false]]);
        assert.equal(later.weeks[1]?.uncoveredKm2, first.current.uncoveredKm2);
        const pes = await env.services.stats.gapTrend(who('peshmerga-viewer'), { weeks: 4 });
        assert.deepEqual(pes.weeks.map((w) => w.analyses), [0, 0, 0, 1], 'another party sees other records: its own analyses only');
        const restarted = createServices(env.store, env.services.ctx.site, () => env.clock.now());
        const afterRestart = await restarted.stats.gapTrend(fed, { weeks: 4 });
        assert.deepEqual(afterRestart.weeks.map((w) => w.uncoveredKm2), later.weeks.map((w) => w.uncoveredKm2), 'the snapshots are stored, not kept in memory');
        await assert.rejects(env.services.stats.gapTrend(fed, { weeks: 0 }), { code: 'VALIDATION' });
      } finally {
        env.clock.set(NOW);
      }
    });

    test('a window that ends before it starts is refused', async () => {
      await assert.rejects(env.services.stats.incidents(who('federal-viewer'), { since: NOW, until: SINCE }), { code: 'VALIDATION' });
    });
  });
}
