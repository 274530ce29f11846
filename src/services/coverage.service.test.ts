import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Area } from '../core/geo/types.ts';
import type { AdminArea, Place } from '../core/model/reference.ts';
import { isTansiqError } from '../core/errors.ts';
import { KIRKUK, MAKHMOUR, makeTestEnv, squareAround, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { mayReceive, visibilityKeyOf, type CoverageAnalysis, type CoverageAnnouncement } from './coverage.service.ts';
import { parseCoverageRequest } from './coverage-request.ts';

const SIDC = '10031000001211000000';
const point = (at: number[]) => ({ type: 'Point', coordinates: at });
const unit = (name: string, force: string, at: number[], radiusM = 3000, over: Record<string, unknown> = {}) =>
  ({ name, force, echelon: 'battalion', sidc: SIDC, position: point(at), coverage: { kind: 'radius', radiusM }, ...over });
const box = (at: [number, number], half: number): Area => squareAround(at, half);
/** A fresh little region per test, so the tests share one environment without sharing results. */
const regionNear = (dLon: number, half = 0.05): Area => box([KIRKUK[0] + dLon, KIRKUK[1]], half);
const req = (region: unknown, over: Record<string, unknown> = {}) => parseCoverageRequest({ region, cellM: 100, ...over });

/** What a result says about the world, without when and how fast it was made. */
const outcome = (a: CoverageAnalysis) => ({ areas: a.areas, gaps: a.gaps, strip: a.strip, inputs: a.inputs, cells: a.cells });

const rejects = async (p: Promise<unknown>, code: string, message?: RegExp): Promise<void> => {
  await assert.rejects(p, (e) => {
    assert.ok(isTansiqError(e), String(e));
    assert.equal(e.code, code);
    if (message) assert.match(e.message, message);
    return true;
  });
};

for (const backend of TEST_BACKENDS) {
  void describe(`gap analysis service (${backend})`, () => {
    let env: TestEnv;
    const as = (name: string) => env.principals[name]!;
    const create = (who: string, type: 'unit' | 'checkpoint' | 'force-line' | 'incident', body: unknown) => env.services.records.create(as(who), type, body);
    const bilateral = async (who: string, type: 'unit' | 'checkpoint' | 'force-line' | 'incident', body: unknown) => {
      const v = await create(who, type, body);
      // Released by the author's liaison officer, as in daily work.
      return env.services.records.release(as(`${v.originParty}-liaison`), type, v.id, v.version, { kind: 'bilateral' }, 'green');
    };

    before(async () => {
      env = await makeTestEnv({ backend });
    });
    after(() => env.close());

    test("a federal reader's gaps do not reveal an unreleased peshmerga unit, and do once it is released", async () => {
      const region = { geometry: regionNear(0) };
      await bilateral('federal-commander', 'unit', unit('Federal battalion', 'federal', [KIRKUK[0] - 0.03, KIRKUK[1]], 2000));
      const before = await env.services.coverage.analyse(as('federal-analyst'), req(region));
      const hidden = await create('peshmerga-commander', 'unit', unit('Peshmerga battalion', 'peshmerga', [KIRKUK[0] + 0.02, KIRKUK[1]], 2500));
      const withOwnUnit = await env.services.coverage.analyse(as('federal-analyst'), req(region));
      assert.equal(withOwnUnit.cached, false, 'the new unit is a change: the result is made again');
      assert.deepEqual(outcome(withOwnUnit), outcome(before));
      assert.equal(withOwnUnit.areas.peshmergaOnlyKm2, 0);

      const ownSide = await env.services.coverage.analyse(as('peshmerga-viewer'), req(region));
      assert.ok(ownSide.areas.peshmergaOnlyKm2 > 15, `the peshmerga see their unit: ${ownSide.areas.peshmergaOnlyKm2} km²`);

      await env.services.records.release(as('peshmerga-commander'), 'unit', hidden.id, hidden.version, { kind: 'bilateral' }, 'green');
      const released = await env.services.coverage.analyse(as('federal-analyst'), req(region));
      assert.ok(released.areas.peshmergaOnlyKm2 > 15);
      assert.ok(released.areas.noneKm2 < before.areas.noneKm2 - 15);
      assert.notDeepEqual(released.gaps, before.gaps);
      assert.equal(released.inputs.units, 2);
    });

    test('identical requests are answered from the cache until an input changes', async () => {
      const region = { geometry: regionNear(0.2) };
      const first = await env.services.coverage.analyse(as('federal-viewer'), req(region));
      const second = await env.services.coverage.analyse(as('federal-viewer'), req(region));
      assert.equal(first.cached, false);
      assert.equal(second.cached, true);
      assert.deepEqual(outcome(second), outcome(first));
      // Another cell size, another reader with other rights: another result.
      assert.equal((await env.services.coverage.analyse(as('federal-viewer'), req(region, { cellM: 50 }))).cached, false);
      assert.equal((await env.services.coverage.analyse(as('peshmerga-viewer'), req(region))).cached, false);

      await bilateral('federal-commander', 'unit', unit('Federal company', 'federal', [KIRKUK[0] + 0.2, KIRKUK[1]], 2000));
      const afterUnit = await env.services.coverage.analyse(as('federal-viewer'), req(region));
      assert.equal(afterUnit.cached, false);
      assert.ok(afterUnit.areas.federalOnlyKm2 > 10);

      await create('federal-watch', 'incident', { title: 'Attack on a village', occurredAt: '2025-02-20T22:00:00Z', location: point([KIRKUK[0] + 0.24, KIRKUK[1] + 0.02]), killed: { civilian: 2 } });
      const afterIncident = await env.services.coverage.analyse(as('federal-viewer'), req(region));
      assert.equal(afterIncident.cached, false);
      assert.equal(afterIncident.inputs.incidents, 1);
      assert.ok(afterIncident.gaps.some((g) => g.risk > 0));
    });

    test('the clock moving on by a time step makes a new result', async () => {
      const region = { geometry: regionNear(0.4) };
      await env.services.coverage.analyse(as('federal-viewer'), req(region));
      env.clock.advance(60_000);
      assert.equal((await env.services.coverage.analyse(as('federal-viewer'), req(region))).cached, true, 'within the 5-minute step');
      env.clock.advance(5 * 60_000);
      assert.equal((await env.services.coverage.analyse(as('federal-viewer'), req(region))).cached, false);
    });

    test('listeners hear of new results, not of cache hits, until they unsubscribe', async () => {
      const heard: CoverageAnnouncement[] = [];
      const stop = env.services.coverage.onResult((a) => heard.push(a));
      const faulty = env.services.coverage.onResult(() => {
        throw new Error('a broken listener does not break the analysis');
      });
      const region = { geometry: regionNear(0.6) };
      const result = await env.services.coverage.analyse(as('federal-viewer'), req(region));
      await env.services.coverage.analyse(as('federal-viewer'), req(region));
      assert.equal(heard.length, 1);
      assert.deepEqual(heard[0], { regionKey: result.regionKey, computedAt: result.computedAt, areas: result.areas, party: 'federal', visibilityKey: heard[0]!.visibilityKey });
      assert.match(result.regionKey, /^geometry:[0-9a-f]{32}$/);
      assert.equal(mayReceive(as('federal-viewer'), heard[0]!), true);
      assert.equal(mayReceive(as('peshmerga-viewer'), heard[0]!), false, 'the other party sees other records');
      assert.equal(mayReceive(as('federal-watch'), heard[0]!), false, 'a watch officer of KRK sees what is released to KRK');
      assert.equal(mayReceive({ ...as('federal-viewer'), userId: 'someone-else' }, heard[0]!), false, 'without RED rights a reader also sees their own RED records');
      const commander = as('federal-commander');
      assert.equal(visibilityKeyOf({ ...commander, userId: 'another-commander' }), visibilityKeyOf(commander), 'readers of every RED record share results');
      stop();
      faulty();
      await env.services.coverage.analyse(as('federal-viewer'), req(region, { cellM: 50 }));
      assert.equal(heard.length, 1);
    });

    test('which records count: joint units for both, no closed or unmanned checkpoints, lines in force, incidents in the window', async () => {
      const at: [number, number] = [KIRKUK[0] + 0.8, KIRKUK[1]];
      const region = { geometry: box(at, 0.05) };
      await bilateral('peshmerga-commander', 'unit', unit('Joint battalion', 'joint', [at[0] - 0.02, at[1]], 1500));
      await bilateral('peshmerga-commander', 'unit', unit('Inactive battalion', 'peshmerga', [at[0] + 0.02, at[1]], 1500, { status: 'inactive' }));
      await bilateral('peshmerga-commander', 'unit', { ...unit('Patrol', 'federal', at), coverage: { kind: 'corridor', route: { type: 'LineString', coordinates: [[at[0] - 0.04, at[1] + 0.03], [at[0] + 0.04, at[1] + 0.03]] }, widthM: 600 } });
      await bilateral('peshmerga-commander', 'checkpoint', { name: 'Closed post', kind: 'joint', status: 'closed', position: point([at[0], at[1] - 0.03]) });
      await bilateral('peshmerga-commander', 'checkpoint', { name: 'Empty post', kind: 'unmanned', position: point([at[0] + 0.03, at[1] - 0.03]) });
      await bilateral('peshmerga-commander', 'checkpoint', { name: 'Federal post', kind: 'single-force', position: point([at[0] - 0.03, at[1] - 0.03]), staffing: [{ shift: 'all-day', party: 'federal', planned: 4, present: 4 }] });
      await bilateral('peshmerga-analyst', 'force-line', { name: 'Old line', geometry: { type: 'LineString', coordinates: [[at[0] - 0.05, at[1]], [at[0] + 0.05, at[1]]] }, validFrom: '2024-01-01T00:00:00Z', validUntil: '2024-06-01T00:00:00Z' });
      await bilateral('peshmerga-analyst', 'force-line', { name: 'Future line', geometry: { type: 'LineString', coordinates: [[at[0] - 0.05, at[1]], [at[0] + 0.05, at[1]]] }, validFrom: '2026-01-01T00:00:00Z' });
      const incident = (title: string, occurredAt: string, over: Record<string, unknown> = {}) => ({ title, occurredAt, location: point([at[0], at[1] + 0.04]), ...over });
      await bilateral('peshmerga-watch', 'incident', incident('Recent', '2025-02-01T00:00:00Z'));
      await bilateral('peshmerga-watch', 'incident', incident('Too old', '2024-10-01T00:00:00Z'));
      await create('peshmerga-watch', 'incident', incident('Draft', '2025-02-10T00:00:00Z', { verification: 'draft' }));

      const r = await env.services.coverage.analyse(as('peshmerga-viewer'), req(region));
      assert.deepEqual(r.inputs, { units: 2, checkpoints: 1, forceLines: 0, incidents: 1 });
      assert.ok(r.areas.bothKm2 > 5, `the joint unit covers for both: ${r.areas.bothKm2} km²`);
      assert.ok(r.areas.federalOnlyKm2 > 3, 'the patrol corridor and the federal post');
      assert.equal(r.strip, null);
      const older = await env.services.coverage.analyse(as('peshmerga-viewer'), req(region, { since: '2024-09-01T00:00:00Z' }));
      assert.equal(older.inputs.incidents, 2);
      const then = await env.services.coverage.analyse(as('peshmerga-viewer'), req(region, { since: '2023-12-01T00:00:00Z', until: '2024-03-01T00:00:00Z' }));
      assert.equal(then.asOf, '2024-03-01T00:00:00.000Z', 'a window that ends in the past is an analysis as of its end');
      assert.deepEqual([then.inputs.forceLines, then.inputs.incidents], [1, 0], 'the old line was in force then');
      const onlyPeshmerga = await env.services.coverage.analyse(as('peshmerga-viewer'), req(region, { sources: { parties: ['peshmerga'], checkpoints: false } }));
      assert.equal(onlyPeshmerga.areas.federalOnlyKm2, 0);
      assert.equal(onlyPeshmerga.areas.bothKm2, 0);
      assert.deepEqual(onlyPeshmerga.inputs, { units: 1, checkpoints: 0, forceLines: 0, incidents: 1 });
    });

    test('force lines of both parties make the vacuum strip', async () => {
      const at: [number, number] = [KIRKUK[0] + 1.0, KIRKUK[1]];
      const line = (lat: number) => ({ type: 'LineString', coordinates: [[at[0] - 0.1, lat], [at[0] + 0.1, lat]] });
      await bilateral('peshmerga-analyst', 'force-line', { name: 'Peshmerga line', geometry: line(at[1] + 0.03), validFrom: '2024-01-01T00:00:00Z' });
      await bilateral('federal-analyst', 'force-line', { name: 'Federal line', geometry: line(at[1] - 0.03), validFrom: '2024-01-01T00:00:00Z' });
      const r = await env.services.coverage.analyse(as('federal-viewer'), req({ geometry: box(at, 0.05) }));
      assert.ok(r.strip && r.strip.areaKm2 > 0, JSON.stringify(r.strip));
      assert.ok(r.inputs.forceLines >= 2);
    });

    test('gaps name their admin areas and the nearest three places', async () => {
      const at: [number, number] = [KIRKUK[0] + 1.3, KIRKUK[1]];
      const admin = (pcode: string, level: 1 | 2 | 3, half: number, parent: string | null): AdminArea => ({
        pcode, level, names: { en: `Area ${pcode}` }, parentPcode: parent, geometry: box(at, half), bbox: [at[0] - half, at[1] - half, at[0] + half, at[1] + half], areaKm2: 100, inKurdistanRegion: false, source: 'test',
      });
      await env.services.reference.importBatch(null, { kind: 'admin-areas', items: [admin('IQG90', 1, 0.5, null), admin('IQG90Q01', 2, 0.3, 'IQG90'), admin('IQG90Q01N01', 3, 0.2, 'IQG90Q01')] }, 'test');
      const place = (id: string, dLon: number): Place => ({
        id: `local:${id}`, names: { en: id }, altNames: [], kind: 'locality', lon: at[0] + dLon, lat: at[1], adm1Pcode: null, adm2Pcode: null, adm3Pcode: null, population: null, geonamesId: null, source: 'test',
      });
      await env.services.reference.importBatch(null, { kind: 'places', items: [place('far', 0.3), place('near', 0.01), place('middle', 0.05), place('closer', 0.02)] }, 'test');
      const r = await env.services.coverage.analyse(as('federal-viewer'), req({ geometry: box(at, 0.05) }));
      const gap = r.gaps[0];
      assert.ok(gap, 'an empty region is one gap');
      assert.equal(gap.rank, 1);
      assert.deepEqual(gap.admin, {
        governorate: { pcode: 'IQG90', level: 1, names: { en: 'Area IQG90' } },
        district: { pcode: 'IQG90Q01', level: 2, names: { en: 'Area IQG90Q01' } },
        subDistrict: { pcode: 'IQG90Q01N01', level: 3, names: { en: 'Area IQG90Q01N01' } },
      });
      assert.deepEqual(gap.places.map((p) => p.id), ['local:near', 'local:closer', 'local:middle']);
      assert.ok(gap.places[0]!.distanceKm < gap.places[1]!.distanceKm);
      assert.ok(r.timings['total']! >= r.timings['engine']!);
    });

    test('regions: a JCC, an admin area, the disputed preset; unknown ones are not found', async () => {
      const jcc = await env.services.coverage.analyse(as('federal-viewer'), req({ jccId: env.jccIds.MKH }));
      assert.equal(jcc.regionKey, `jcc:${env.jccIds.MKH}`);
      assert.equal(jcc.region.names.en, 'Makhmour JCC (MKH)');
      assert.ok(Math.abs(jcc.areas.regionKm2 - 400) < 40, `${jcc.areas.regionKm2} km²`);
      const disputed = await env.services.coverage.analyse(as('federal-viewer'), req({ preset: 'disputed' }));
      assert.equal(disputed.regionKey, 'preset:disputed');
      assert.ok(Math.abs(disputed.areas.regionKm2 - 2 * jcc.areas.regionKm2) < 20, `${disputed.areas.regionKm2} km²`);
      const area = await env.services.coverage.analyse(as('federal-viewer'), req({ pcode: 'IQG90Q01N01' }));
      assert.equal(area.regionKey, 'admin-area:IQG90Q01N01');
      await rejects(env.services.coverage.analyse(as('federal-viewer'), req({ jccId: '0190a0a0-0000-7000-8000-000000000000' })), 'NOT_FOUND');
      await rejects(env.services.coverage.analyse(as('federal-viewer'), req({ pcode: 'IQG99' })), 'NOT_FOUND');
    });

    test('a job larger than the engine takes is refused, naming the cells', async () => {
      await rejects(env.services.coverage.analyse(as('federal-viewer'), req({ geometry: box(MAKHMOUR, 0.5) }, { cellM: 1 })), 'VALIDATION', /\d[\d,]* cells/);
    });
  });
}
