import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AdminArea, Place } from '../core/model/reference.ts';
import { KIRKUK, makeTestEnv, TEST_BACKENDS, squareAround, type TestEnv } from '../../test/support/env.ts';
import { client, type Client } from '../../test/support/http.ts';

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let analyst: Client;
    let viewer: Client;

    const area = (pcode: string, level: 1 | 2, half: number, parentPcode: string | null, en: string): AdminArea => {
      const geometry = squareAround(KIRKUK, half);
      return { pcode, level, names: { en }, parentPcode, geometry, bbox: [KIRKUK[0] - half, KIRKUK[1] - half, KIRKUK[0] + half, KIRKUK[1] + half], areaKm2: 100, inKurdistanRegion: false, source: 'test' };
    };

    const khidirjija: Place = {
      id: 'wof:1343684569', names: { en: 'Khidirjija', ar: 'خضر جيجة' }, altNames: ['Xizr'], kind: 'locality', lon: 43.95, lat: 35.62,
      adm1Pcode: 'IQG13', adm2Pcode: null, adm3Pcode: null, population: null, geonamesId: null, source: 'test',
    };

    before(async () => {
      env = await makeTestEnv({ backend });
      const app = await env.app();
      await env.services.reference.importBatch(null, { kind: 'admin-areas', items: [area('IQG13', 1, 0.5, null, 'Kirkuk'), area('IQG13Q01', 2, 0.2, 'IQG13', 'Kirkuk district')] }, 'test');
      await env.services.reference.importBatch(null, { kind: 'places', items: [khidirjija] }, 'test');
      analyst = client(app, await env.login('peshmerga-analyst'));
      viewer = client(app, await env.login('federal-viewer'));
    });
    after(() => env.close());

    test('places: search, read by a source:id with the colon encoded or not', async () => {
      const found = await viewer.get('/api/places?q=xizr');
      assert.equal(found.status, 200, found.text);
      assert.deepEqual(found.json.items.map((p: Place) => p.id), ['wof:1343684569']);
      assert.equal((await viewer.get('/api/places?q=خضر')).json.items.length, 1);
      assert.equal((await viewer.get('/api/places?adminPcode=IQG13&limit=5&offset=0')).json.items.length, 1);
      assert.equal((await viewer.get('/api/places?bbox=43.9,35.6,44.0,35.7')).json.items.length, 1);
      assert.equal((await viewer.get('/api/places?bbox=44.9,35.6,45.0,35.7')).json.items.length, 0);
      const encoded = await viewer.get('/api/places/wof%3A1343684569');
      assert.equal(encoded.status, 200, encoded.text);
      assert.equal(encoded.json.names.en, 'Khidirjija');
      assert.equal((await viewer.get('/api/places/wof:1343684569')).status, 200);
      assert.equal((await viewer.get('/api/places/wof%3A999')).status, 404);
      const bad = await viewer.get('/api/places/no-colon');
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.fields[0].path, 'id');
    });

    test('places: analysts add, replace and remove; viewers may not', async () => {
      const body = { names: { en: 'Qarachogh' }, kind: 'mountain', lon: 43.6, lat: 35.9 };
      assert.equal((await viewer.post('/api/places', body)).status, 403);
      const created = await analyst.post('/api/places', { ...body, id: 'local:qarachogh' });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.json.id, 'local:qarachogh');
      const url = '/api/places/local%3Aqarachogh';
      const replaced = await analyst.put(url, { ...body, names: { en: 'Qarachogh mountain' } });
      assert.equal(replaced.status, 200, replaced.text);
      assert.equal(replaced.json.names.en, 'Qarachogh mountain');
      const mismatch = await analyst.put(url, { ...body, id: 'local:other' });
      assert.equal(mismatch.status, 400);
      const invalid = await analyst.post('/api/places', { ...body, lat: 95 });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.json.error.fields[0].path, 'lat');
      assert.equal((await viewer.del(url)).status, 403);
      assert.equal((await analyst.del(url)).status, 204);
      assert.equal((await analyst.get(url)).status, 404);
      assert.equal((await analyst.del(url)).status, 404);
      const generated = await analyst.post('/api/places', body);
      assert.match(generated.json.id, /^local:/);
    });

    test('admin areas: lists without boundaries unless asked, one area with its boundary', async () => {
      const list = await viewer.get('/api/admin-areas?q=kirkuk');
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.json.items.map((a: AdminArea) => a.pcode).sort(), ['IQG13', 'IQG13Q01']);
      assert.equal(list.json.items.some((a: AdminArea) => 'geometry' in a), false);
      const withGeometry = await viewer.get('/api/admin-areas?level=2&geometry=true');
      assert.deepEqual(withGeometry.json.items.map((a: AdminArea) => a.pcode), ['IQG13Q01']);
      assert.equal(withGeometry.json.items[0].geometry.type, 'Polygon');
      assert.deepEqual((await viewer.get('/api/admin-areas?parent=IQG13')).json.items.map((a: AdminArea) => a.pcode), ['IQG13Q01']);
      const one = await viewer.get('/api/admin-areas/IQG13');
      assert.equal(one.status, 200);
      assert.equal(one.json.geometry.type, 'Polygon');
      assert.equal((await viewer.get('/api/admin-areas/IQG99')).status, 404);
      assert.equal((await viewer.get('/api/admin-areas/kirkuk')).status, 400);
      assert.equal((await viewer.get('/api/admin-areas?level=7')).status, 400);
    });

    test('admin areas: locate a point, most detailed first', async () => {
      const r = await viewer.get(`/api/admin-areas/locate?lon=${KIRKUK[0]}&lat=${KIRKUK[1]}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.items.map((a: AdminArea) => a.pcode), ['IQG13Q01', 'IQG13']);
      assert.equal('geometry' in r.json.items[0], false);
      assert.deepEqual((await viewer.get('/api/admin-areas/locate?lon=44.1&lat=35.1')).json.items.map((a: AdminArea) => a.pcode), ['IQG13']);
      assert.equal((await viewer.get('/api/admin-areas/locate?lon=44.39&lat=95')).status, 400);
      assert.equal((await viewer.get('/api/admin-areas/locate?lon=44.39')).status, 400);
    });

    test('admin areas: removal is for analysts and admins', async () => {
      assert.equal((await viewer.del('/api/admin-areas/IQG13Q01')).status, 403);
      assert.equal((await analyst.del('/api/admin-areas/IQG13Q01')).status, 204);
      assert.equal((await analyst.get('/api/admin-areas/IQG13Q01')).status, 404);
    });
  });
}
