/**
 * The engine on the real boundaries at ../shared/geo (OCHA COD-AB, read in place, never copied
 * into the repository): the Makhmour district, and a disputed-territories-like outline made of
 * Kirkuk governorate with Makhmour, Tooz Khurmato and Kifri. Skipped where the folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Polygon } from '../types.ts';
import { computeCoverage } from './coverage.ts';
import type { CoverageSource } from './coverage.types.ts';
import { seeded } from './coverage-test.util.ts';

const GEO_DIR = new URL('../../../../../shared/geo/', import.meta.url);
const MISSING = `reference data not found at ${fileURLToPath(GEO_DIR)}`;

interface Feature { geometry: Polygon; properties: { pcode: string; area_km2: number } }
const features = (name: string): Feature[] => (JSON.parse(readFileSync(new URL(name, GEO_DIR), 'utf8')) as { features: Feature[] }).features;
const byPcode = (name: string, pcode: string): Feature => features(name).find((f) => f.properties.pcode === pcode)!;
const NOW = Date.UTC(2021, 11, 31);

/** Random circles in the bounding box of the outline. */
function circlesOver(outline: Polygon[], count: number, seed: number): CoverageSource[] {
  const rnd = seeded(seed);
  const pts = outline.flatMap((p) => p.coordinates[0]!);
  const [minLon, maxLon] = [Math.min(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[0]!))];
  const [minLat, maxLat] = [Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[1]!))];
  return Array.from({ length: count }, (_, i) => ({
    party: i % 2 ? 'federal' : 'peshmerga', kind: 'circle', center: [minLon + rnd() * (maxLon - minLon), minLat + rnd() * (maxLat - minLat)], radiusM: 1_000 + rnd() * 6_000,
  }));
}

test('Makhmour district: the region area matches the file, gaps are found and ranked', (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const makhmour = byPcode('iraq_adm2_districts.geojson', 'IQG11Q04');
  const r = computeCoverage({ region: makhmour.geometry, sources: circlesOver([makhmour.geometry], 60, 1), nowMs: NOW });
  // The file's area is geodesic; ours is planar UTM 38N: k² ≈ 0.9996 this far west of 45°E.
  const expected = makhmour.properties.area_km2;
  assert.ok(Math.abs(r.areas.regionKm2 - expected) / expected < 0.003, `${r.areas.regionKm2} km² vs ${expected} km²`);
  assert.ok(r.gaps.length > 0);
  assert.ok(r.gaps.every((g) => g.geometry.coordinates[0]!.length >= 4));
});

test('Kirkuk governorate with Makhmour, Tooz and Kifri at 100 m: areas add up, the strip is found', (t) => {
  if (!existsSync(GEO_DIR)) return t.skip(MISSING);
  const parts = [
    byPcode('iraq_adm1_governorates.geojson', 'IQG13'),
    ...['IQG11Q04', 'IQG16Q07', 'IQG10Q06'].map((p) => byPcode('iraq_adm2_districts.geojson', p)),
  ];
  const region = { type: 'MultiPolygon' as const, coordinates: parts.map((p) => p.geometry.coordinates) };
  const expected = parts.reduce((s, p) => s + p.properties.area_km2, 0);
  const line = (lat: number): { type: 'LineString'; coordinates: number[][] } => ({ type: 'LineString', coordinates: [[43.2, lat], [45.4, lat - 0.6]] });
  const r = computeCoverage({
    region, cellM: 100, sources: circlesOver(parts.map((p) => p.geometry), 800, 2), nowMs: NOW,
    forceLines: [{ party: 'peshmerga', geometry: line(35.75) }, { party: 'federal', geometry: line(35.62) }],
  });
  assert.ok(Math.abs(r.areas.regionKm2 - expected) / expected < 0.005, `${r.areas.regionKm2} km² vs ${expected} km²`);
  const { noneKm2, peshmergaOnlyKm2, federalOnlyKm2, bothKm2 } = r.areas;
  assert.ok(Math.abs(noneKm2 + peshmergaOnlyKm2 + federalOnlyKm2 + bothKm2 - r.areas.regionKm2) < 1e-5);
  assert.ok(r.strip && r.strip.areaKm2 > 0 && r.strip.maxWidthKm > 0);
});
