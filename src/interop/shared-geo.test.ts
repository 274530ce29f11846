/**
 * The importers against the reference data every developer and CI run has at ../shared/geo
 * (read in place, never copied into the repository). Skipped where that folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AdminArea, Place } from '../core/model/reference.ts';
import { importGeoFile } from './geo-import.ts';
import { collectBatches } from './importer.util.ts';

const GEO_DIR = new URL('../../../shared/geo/', import.meta.url);
const MISSING = `reference data not found at ${fileURLToPath(GEO_DIR)}`;
const geoFile = (name: string): string => fileURLToPath(new URL(name, GEO_DIR));

async function adminAreas(name: string): Promise<AdminArea[]> {
  const result = await importGeoFile(geoFile(name));
  assert.equal(result.kind, 'admin-areas', name);
  return result.kind === 'admin-areas' ? collectBatches(result.batches) : [];
}

async function places(name: string): Promise<Place[]> {
  const result = await importGeoFile(geoFile(name));
  assert.equal(result.kind, 'places', name);
  return result.kind === 'places' ? collectBatches(result.batches) : [];
}

/** Our spherical areas against the `area_km2` the file carries, computed by another tool. */
function assertAreasMatchFile(name: string, areas: AdminArea[]): void {
  const features = (JSON.parse(readFileSync(geoFile(name), 'utf8')) as { features: { properties: { area_km2: number } }[] }).features;
  areas.forEach((a, i) => {
    const expected = features[i]!.properties.area_km2;
    assert.ok(Math.abs(a.areaKm2 - expected) / expected < 0.005, `${a.pcode}: ${a.areaKm2} km² vs ${expected} km² in the file`);
  });
}

test('iraq_adm1_governorates: 18 governorates, Kirkuk IQG13 with its Arabic name', async (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const areas = await adminAreas('iraq_adm1_governorates.geojson');
  assert.equal(areas.length, 18);
  assert.ok(areas.every((a) => a.level === 1 && a.parentPcode === 'IQ'));
  const kirkuk = areas.find((a) => a.pcode === 'IQG13');
  assert.equal(kirkuk?.names.en, 'Kirkuk');
  assert.equal(kirkuk?.names.ar, 'كركوك');
  assert.equal(kirkuk?.inKurdistanRegion, false);
  assert.equal(areas.filter((a) => a.inKurdistanRegion).length, 3);
  assertAreasMatchFile('iraq_adm1_governorates.geojson', areas);
});

test('iraq_adm2_districts: 101 districts, each with its governorate as parent', async (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const areas = await adminAreas('iraq_adm2_districts.geojson');
  assert.equal(areas.length, 101);
  assert.ok(areas.every((a) => a.level === 2 && a.parentPcode !== null && a.pcode.startsWith(a.parentPcode)));
  assert.equal(areas.find((a) => a.pcode === 'IQG11Q04')?.parentPcode, 'IQG11', 'Makhmour is in Erbil governorate in this set');
  assertAreasMatchFile('iraq_adm2_districts.geojson', areas);
});

test('iraq_adm3_subdistricts and the disputed-districts list (own code in adm2_pcode)', async (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const subdistricts = await adminAreas('iraq_adm3_subdistricts.geojson');
  assert.equal(subdistricts.length, 294);
  assert.ok(subdistricts.every((a) => a.level === 3 && a.parentPcode !== null && a.pcode.startsWith(a.parentPcode)));
  const disputed = await adminAreas('disputed_territories_adm2.geojson');
  assert.equal(disputed.length, 19);
  assert.ok(disputed.every((a) => a.level === 2 && a.parentPcode !== null));
  assertAreasMatchFile('disputed_territories_adm2.geojson', disputed);
});

test('north_iraq_places: 11,894 places; Khidirjija found by its Arabic name', async (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const all = await places('north_iraq_places.geojson');
  assert.equal(all.length, 11_894);
  assert.equal(new Set(all.map((p) => p.id)).size, all.length);
  const khidirjija = all.filter((p) => p.names.ar === 'خضر جيجة');
  assert.equal(khidirjija.length, 1);
  assert.equal(khidirjija[0]?.names.en, 'Xizr');
  assert.ok(khidirjija[0]?.altNames.includes('Khidirjija'));
  assert.equal(khidirjija[0]?.adm2Pcode, 'IQG11Q04');
  assert.ok(all.every((p) => p.adm1Pcode !== null && p.kind !== ''));
});

test('curated_features: the Qarachogh mountain point', async (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const [qarachogh] = await places('curated_features.geojson');
  assert.equal(qarachogh?.id, 'curated:qarachogh');
  assert.equal(qarachogh?.kind, 'mountain');
  assert.equal(qarachogh?.adm2Pcode, 'IQG11Q04');
});
