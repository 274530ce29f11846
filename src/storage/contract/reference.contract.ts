import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdminArea, Place } from '../../core/model/reference.ts';
import { foldTokens } from '../../core/text/fold.ts';
import type { Store } from '../ports.ts';
import { withStore } from './fixtures.ts';

const place = (id: string, over: Partial<Place> = {}): Place => ({
  id,
  names: { en: `Place ${id}` },
  altNames: [],
  kind: 'PPL',
  lon: 44,
  lat: 35,
  adm1Pcode: null,
  adm2Pcode: null,
  adm3Pcode: null,
  population: null,
  geonamesId: null,
  source: 'test',
  ...over,
});

const ring = (x: number, y: number, s: number): number[][][] => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
const square = (x: number, y: number, s: number): AdminArea['geometry'] => ({ type: 'Polygon', coordinates: ring(x, y, s) });

const area = (pcode: string, level: AdminArea['level'], parentPcode: string | null, x: number, y: number, s: number, over: Partial<AdminArea> = {}): AdminArea => ({
  pcode,
  level,
  names: { en: pcode },
  parentPcode,
  geometry: square(x, y, s),
  bbox: [x, y, x + s, y + s],
  areaKm2: s * s * 10_000,
  inKurdistanRegion: null,
  source: 'test',
  ...over,
});

export function referenceContract(open: () => Promise<Store>): void {
  describe('places and admin areas', () => {
    const store = withStore(open);
    const khidirjija = place('geonames:1', {
      names: { en: 'Khidirjija', ar: 'خضر جيجة', ckb: 'خدرجیجە', kuLatn: 'Xidircîce' },
      altNames: ['Xizr', 'Khidir Jija'],
      kind: 'PPL',
      lon: 44.05,
      lat: 35.3,
      adm1Pcode: 'IQG13',
      adm2Pcode: 'IQG13Q02',
      adm3Pcode: 'IQG13Q02N01',
      population: 900,
      geonamesId: 99117,
    });
    const hawija = place('geonames:2', { names: { en: 'Hawija', ar: 'الحويجة', ckb: 'حەویجە' }, lon: 43.77, lat: 35.32, adm1Pcode: 'IQG13', adm2Pcode: 'IQG13Q01', population: 150_000 });
    const kirkuk = place('geonames:3', { names: { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک' }, lon: 44.39, lat: 35.47, adm1Pcode: 'IQG13', population: 1_000_000 });

    it('upserts places in batches: a second run updates, never duplicates', async () => {
      const many = Array.from({ length: 1234 }, (_, i) => place(`wof:${i}`, { lon: 40 + (i % 100) / 100, lat: 30 }));
      await store().write((tx) => tx.upsertPlaces([khidirjija, hawija, kirkuk, ...many, { ...hawija, population: 1 }, hawija]));
      assert.equal(await store().countPlaces(), 1237);
      assert.deepEqual(await store().getPlace('geonames:1'), khidirjija);
      assert.deepEqual(await store().getPlace('geonames:2'), hawija, 'a repeated key keeps its last value');

      const renamed = { ...many[5]!, names: { en: 'Renamed', ar: 'جديد' }, population: 12 };
      await store().write((tx) => tx.upsertPlaces([...many.slice(0, 5), renamed, ...many.slice(6)]));
      assert.equal(await store().countPlaces(), 1237);
      assert.deepEqual(await store().getPlace('wof:5'), renamed);
    });

    it('finds places by folded Arabic, Kurdish and Latin names and aliases, bbox and admin code', async () => {
      const ids = async (q: Parameters<Store['listPlaces']>[0]) => (await store().listPlaces(q)).map((p) => p.id);
      for (const text of ['خضر جیجه', 'خدرجيجه', 'xidircice', 'XIZR', 'khidir jija']) {
        assert.deepEqual(await ids({ qTokens: foldTokens(text), limit: 10, offset: 0 }), ['geonames:1'], text);
      }
      assert.deepEqual(await ids({ qTokens: foldTokens('حەویجە'), limit: 10, offset: 0 }), ['geonames:2']);
      assert.deepEqual(await ids({ qTokens: foldTokens('کرکوک'), limit: 10, offset: 0 }), ['geonames:3']);
      // Largest first.
      assert.deepEqual(await ids({ bbox: [43.5, 35, 44.5, 35.5], limit: 10, offset: 0 }), ['geonames:3', 'geonames:2', 'geonames:1']);
      assert.deepEqual(await ids({ bbox: [43.5, 35, 44.5, 35.5], limit: 1, offset: 1 }), ['geonames:2']);
      assert.deepEqual(await ids({ adminPcode: 'IQG13Q02', limit: 10, offset: 0 }), ['geonames:1']);
      assert.deepEqual(await ids({ adminPcode: 'IQG13', qTokens: ['hawija'], limit: 10, offset: 0 }), ['geonames:2']);
      assert.deepEqual(await ids({ qTokens: ['%'], limit: 10, offset: 0 }), []);
    });

    it('deletes a place', async () => {
      assert.equal(await store().write((tx) => tx.deletePlace('geonames:3')), true);
      assert.equal(await store().write((tx) => tx.deletePlace('geonames:3')), false);
      assert.equal(await store().getPlace('geonames:3'), undefined);
    });

    const iraq = area('IQ', 0, null, 38, 29, 10);
    const kirkukGov = area('IQG13', 1, 'IQ', 43, 34.5, 1.5, { names: { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک' }, inKurdistanRegion: false });
    const erbil = area('IQG07', 1, 'IQ', 43.5, 36, 1.5, { names: { en: 'Erbil', ar: 'أربيل', ckb: 'هەولێر' }, inKurdistanRegion: true });
    const hawijaDistrict = area('IQG13Q01', 2, 'IQG13', 43.2, 35, 0.5, {
      names: { en: 'Hawija', ar: 'الحويجة' },
      geometry: { type: 'MultiPolygon', coordinates: [ring(43.2, 35, 0.2), ring(43.5, 35.3, 0.2)] },
      bbox: [43.2, 35, 43.7, 35.5],
    });

    it('upserts admin areas: a second run updates, never duplicates', async () => {
      await store().write((tx) => tx.upsertAdminAreas([iraq, kirkukGov, erbil, hawijaDistrict]));
      await store().write((tx) => tx.upsertAdminAreas([iraq, { ...kirkukGov, areaKm2: 9679 }, erbil, hawijaDistrict]));
      assert.equal(await store().countAdminAreas(), 4);
      assert.deepEqual(await store().getAdminArea('IQG13'), { ...kirkukGov, areaKm2: 9679 });
      assert.deepEqual(await store().getAdminArea('IQG13Q01'), hawijaDistrict);
      assert.deepEqual(await store().getAdminArea('IQG07'), erbil);
      assert.equal((await store().getAdminArea('IQ'))?.inKurdistanRegion, null);
    });

    it('finds admin areas by level, parent, folded name, bbox and containing-point prefilter', async () => {
      const codes = async (q: Parameters<Store['listAdminAreas']>[0]) => (await store().listAdminAreas(q)).map((a) => a.pcode);
      assert.deepEqual(await codes({ level: 1, limit: 10, offset: 0 }), ['IQG07', 'IQG13']);
      assert.deepEqual(await codes({ parentPcode: 'IQG13', limit: 10, offset: 0 }), ['IQG13Q01']);
      assert.deepEqual(await codes({ qTokens: foldTokens('هەولير'), limit: 10, offset: 0 }), ['IQG07']);
      assert.deepEqual(await codes({ qTokens: foldTokens('اربيل'), limit: 10, offset: 0 }), ['IQG07']);
      assert.deepEqual(await codes({ containsPoint: [43.3, 35.1], limit: 10, offset: 0 }), ['IQ', 'IQG13', 'IQG13Q01']);
      assert.deepEqual(await codes({ containsPoint: [44, 36.5], level: 1, limit: 10, offset: 0 }), ['IQG07']);
      assert.deepEqual(await codes({ bbox: [44.6, 35.9, 45, 36.2], limit: 10, offset: 0 }), ['IQ', 'IQG07']);
      assert.deepEqual(await codes({ bbox: [44.4, 35.9, 45, 36.2], limit: 10, offset: 0 }), ['IQ', 'IQG07', 'IQG13']);
      assert.deepEqual(await codes({ limit: 2, offset: 1 }), ['IQG07', 'IQG13']);
      assert.equal(await store().write((tx) => tx.deleteAdminArea('IQG07')), true);
      assert.equal(await store().countAdminAreas(), 3);
    });
  });
}
