/**
 * Loads the reference geodata of ../shared/geo through the product's own importers, the way an
 * administrator does with `tansiq geo import`: boundaries (OCHA COD-AB style) and the gazetteer.
 */
import { join } from 'node:path';
import type { Principal } from '../core/model/common.ts';
import { importGeoFile, type GeoImport } from '../interop/geo-import.ts';
import type { Services } from '../services/services.ts';
import { ApproximateGeo, approximateGazetteer, GazetteerGeo, type ScenarioGeo } from './scenario-geo.ts';

export type { ScenarioGeo } from './scenario-geo.ts';

/** Boundaries first (places refer to them by P-code), then the gazetteer. */
export const REFERENCE_FILES = [
  'iraq_adm0.geojson',
  'iraq_adm1_governorates.geojson',
  'iraq_adm2_districts.geojson',
  'iraq_adm3_subdistricts.geojson',
  'halabja_governorate_approx.geojson',
  'north_iraq_places.geojson',
  'curated_features.geojson',
] as const;

export interface ReferenceLoad {
  geo: ScenarioGeo;
  imported: { adminAreas: number; places: number };
}

/**
 * Imports every file it can. A file the importer rejects is reported in `notes` and skipped,
 * never patched here: the importer's verdict is what a user would get.
 */
export async function loadReference(services: Services, actor: Principal, geoDir: string | null, notes: string[], onFile?: (file: string) => void): Promise<ReferenceLoad> {
  if (geoDir === null) {
    notes.push('no reference geodata: the scenario uses its own approximate places and outlines (every such geometry is labelled approximate)');
    const places = approximateGazetteer();
    await services.reference.importBatch(actor, { kind: 'places', items: places }, 'demo scenario key places (approximate)');
    return { geo: new ApproximateGeo(), imported: { adminAreas: 0, places: places.length } };
  }
  const imported = { adminAreas: 0, places: 0 };
  for (const file of REFERENCE_FILES) {
    onFile?.(file);
    try {
      const result = await importGeoFile(join(geoDir, file));
      const count = await writeBatches(services, actor, result, file);
      imported[result.kind === 'places' ? 'places' : 'adminAreas'] += count;
    } catch (e) {
      notes.push(`${file} was not imported: ${(e as Error).message}`);
    }
  }
  return { geo: new GazetteerGeo(services, notes), imported };
}

/** One transaction per batch, as the CLI import does. */
async function writeBatches(services: Services, actor: Principal, result: GeoImport, file: string): Promise<number> {
  let count = 0;
  if (result.kind === 'places') {
    for await (const items of result.batches) {
      await services.reference.importBatch(actor, { kind: 'places', items }, file);
      count += items.length;
    }
  } else {
    for await (const items of result.batches) {
      await services.reference.importBatch(actor, { kind: 'admin-areas', items }, file);
      count += items.length;
    }
  }
  return count;
}
