import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { KIRKUK, makeTestEnv, squareAround, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { client, type Client } from '../../test/support/http.ts';

const URL = '/api/analysis/coverage';
const SIDC = '10031000001211000000';
const point = (dLon: number, dLat = 0) => ({ type: 'Point', coordinates: [KIRKUK[0] + dLon, KIRKUK[1] + dLat] });
const line = (dLat: number) => ({ type: 'LineString', coordinates: [[KIRKUK[0] - 0.15, KIRKUK[1] + dLat], [KIRKUK[0] + 0.15, KIRKUK[1] + dLat]] });

for (const backend of TEST_BACKENDS) {
  void describe(`POST ${URL} (${backend})`, () => {
    let env: TestEnv;
    let viewer: Client;
    let anonymous: Client;

    /** A small front: each force's line and units behind it, a strip between, incidents in it. */
    async function buildFront(): Promise<void> {
      const publish = async (who: string, type: 'unit' | 'force-line' | 'incident' | 'checkpoint', body: unknown) => {
        const v = await env.services.records.create(env.principals[who]!, type, body);
        await env.services.records.release(env.principals[`${v.originParty}-liaison`]!, type, v.id, v.version, { kind: 'bilateral' }, 'green');
      };
      await publish('peshmerga-commander', 'force-line', { name: 'Peshmerga line', geometry: line(0.03), validFrom: '2024-06-01T00:00:00Z' });
      await publish('federal-commander', 'force-line', { name: 'Federal line', geometry: line(-0.03), validFrom: '2024-06-01T00:00:00Z' });
      for (const dLon of [-0.06, 0, 0.06]) {
        await publish('peshmerga-commander', 'unit', { name: `Peshmerga company ${dLon}`, force: 'peshmerga', echelon: 'company', sidc: SIDC, position: point(dLon, 0.06), coverage: { kind: 'radius', radiusM: 2500 } });
        await publish('federal-commander', 'unit', { name: `Federal company ${dLon}`, force: 'federal', echelon: 'company', sidc: SIDC, position: point(dLon, -0.06), coverage: { kind: 'radius', radiusM: 2500 } });
      }
      await publish('peshmerga-commander', 'checkpoint', { name: 'Joint post', kind: 'joint', position: point(0.08, 0), coverageRadiusM: 1500 });
      for (const [i, dLon] of [-0.05, -0.045, 0.02].entries()) {
        await publish('peshmerga-watch', 'incident', { title: `Attack ${i}`, occurredAt: `2025-02-${10 + i}T21:00:00Z`, location: point(dLon, 0), killed: { civilian: i } });
      }
    }

    before(async () => {
      env = await makeTestEnv({ backend });
      const app = await env.app();
      viewer = client(app, await env.login('federal-viewer'));
      anonymous = client(app);
      await buildFront();
    });
    after(() => env.close());

    test('a viewer analyses a JCC area: coverage by party, ranked gaps, the strip', async () => {
      const r = await viewer.post(URL, { region: { jccId: env.jccIds.KRK } });
      assert.equal(r.status, 200, r.text);
      const a = r.json;
      assert.equal(a.cellM, 50);
      assert.equal(a.regionKey, `jcc:${env.jccIds.KRK}`);
      assert.deepEqual(a.inputs, { units: 6, checkpoints: 1, forceLines: 2, incidents: 3 });
      const { regionKm2, noneKm2, peshmergaOnlyKm2, federalOnlyKm2, bothKm2 } = a.areas;
      assert.ok(Math.abs(noneKm2 + peshmergaOnlyKm2 + federalOnlyKm2 + bothKm2 - regionKm2) < 0.01 * regionKm2);
      assert.ok(peshmergaOnlyKm2 > 40 && federalOnlyKm2 > 40 && bothKm2 > 3, JSON.stringify(a.areas));
      assert.ok(a.strip.areaKm2 > 50, `strip ${a.strip.areaKm2} km²`);
      assert.ok(a.gaps.length >= 1);
      assert.deepEqual(a.gaps.map((g: { rank: number }) => g.rank), a.gaps.map((_: unknown, i: number) => i + 1));
      const top = a.gaps[0];
      assert.ok(top.risk > 0 && top.explanation.incidentsInside + top.explanation.incidentsNear >= 2, JSON.stringify(top.explanation));
      assert.ok(top.inStripShare > 0);
      assert.deepEqual(Object.keys(top.admin), ['governorate', 'district', 'subDistrict']);
      for (const stage of ['load', 'engine', 'describe', 'total']) assert.equal(typeof a.timings[stage], 'number');
      const again = await viewer.post(URL, { region: { jccId: env.jccIds.KRK } });
      assert.equal(again.json.cached, true);
    });

    test('a drawn polygon and the disputed preset', async () => {
      const drawn = await viewer.post(URL, { region: { geometry: squareAround(KIRKUK, 0.02) }, cellM: 25, sources: { parties: ['federal'] } });
      assert.equal(drawn.status, 200, drawn.text);
      assert.equal(drawn.json.areas.peshmergaOnlyKm2, 0);
      assert.deepEqual(drawn.json.sources, { units: true, checkpoints: true, parties: ['federal'] });
      const disputed = await viewer.post(URL, { region: { preset: 'disputed' }, cellM: 100 });
      assert.equal(disputed.status, 200, disputed.text);
      assert.equal(disputed.json.regionKey, 'preset:disputed');
    });

    test('signing in is needed', async () => {
      const r = await anonymous.post(URL, { region: { jccId: env.jccIds.KRK } });
      assert.equal(r.status, 401);
    });

    test('a self-intersecting polygon is refused, pointing at the crossing', async () => {
      const bowTie = { type: 'Polygon', coordinates: [[[44.3, 35.4], [44.5, 35.5], [44.5, 35.4], [44.3, 35.5], [44.3, 35.4]]] };
      const r = await viewer.post(URL, { region: { geometry: bowTie } });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.code, 'VALIDATION');
      assert.match(r.json.error.message, /intersects itself/);
      assert.match(r.json.error.fields[0].path, /^region\.geometry\.coordinates/);
    });

    test('an unknown JCC is not found', async () => {
      const r = await viewer.post(URL, { region: { jccId: '0190a0a0-0000-7000-8000-000000000000' } });
      assert.equal(r.status, 404, r.text);
      assert.equal(r.json.error.code, 'NOT_FOUND');
    });

    test('1 m cells over a large region are refused with the number of cells', async () => {
      const r = await viewer.post(URL, { region: { geometry: squareAround(KIRKUK, 0.5) }, cellM: 1 });
      assert.equal(r.status, 400, r.text);
      assert.match(r.json.error.message, /\d[\d,]{6,} cells/);
    });

    test('bad requests name the field', async () => {
      const cases: [unknown, string, RegExp][] = [
        [{}, 'region', /expected object|required/i],
        [{ region: {} }, 'region', /exactly one of jccId, pcode, geometry, preset/],
        [{ region: { jccId: env.jccIds.KRK, preset: 'disputed' } }, 'region', /got jccId, preset/],
        [{ region: { preset: 'everything' } }, 'region.preset', /disputed/],
        [{ region: { pcode: 'kirkuk' } }, 'region.pcode', /P-code/],
        [{ region: { jccId: env.jccIds.KRK }, cellM: 0 }, 'cellM', /1/],
        [{ region: { jccId: env.jccIds.KRK }, cellM: 12.5 }, 'cellM', /whole number/],
        [{ region: { jccId: env.jccIds.KRK }, since: '2025-02-01T00:00:00Z', until: '2025-01-01T00:00:00Z' }, 'until', /before since/],
        [{ region: { jccId: env.jccIds.KRK }, sources: { parties: [] } }, 'sources.parties', /1/],
        [{ region: { jccId: env.jccIds.KRK }, extra: 1 }, 'extra', /unknown field/],
      ];
      for (const [body, path, message] of cases) {
        const r = await viewer.post(URL, body);
        assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
        const field = r.json.error.fields.find((f: { path: string }) => f.path === path);
        assert.ok(field, `${JSON.stringify(body)}: ${r.text}`);
        assert.match(field.message, message);
      }
    });

    test('the OpenAPI document describes the endpoint', async () => {
      const doc = (await viewer.get('/api/openapi.json')).json;
      const op = doc.paths?.['/api/analysis/coverage']?.post;
      assert.ok(op, Object.keys(doc.paths ?? {}).join(', '));
      assert.ok(op.responses['200']);
      assert.ok(op.requestBody);
    });
  });
}
