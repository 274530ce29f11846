import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import type Geometry from 'ol/geom/Geometry';
import Point from 'ol/geom/Point';
import { fromLonLat } from 'ol/proj';
import type { RecordView } from '../api/records.ts';

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

const isGeometry = (g: unknown): g is GeoJsonGeometry =>
  typeof g === 'object' && g !== null && typeof (g as GeoJsonGeometry).type === 'string' && Array.isArray((g as GeoJsonGeometry).coordinates);

/** GeoJSON (lon/lat) to a display geometry; points skip the generic reader, which matters at 100,000 incidents. */
export function toGeometry(g: unknown): Geometry | undefined {
  if (!isGeometry(g)) return undefined;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as number[];
    return typeof lon === 'number' && typeof lat === 'number' ? new Point(fromLonLat([lon, lat])) : undefined;
  }
  try {
    return geojson.readGeometry(g) as Geometry;
  } catch {
    return undefined;
  }
}

type Data = Record<string, unknown>;

const sum = (v: unknown): number =>
  typeof v === 'object' && v !== null ? Object.values(v).reduce<number>((a, n) => a + (typeof n === 'number' ? n : 0), 0) : 0;

/** What each record type puts on the map: its geometry and the few properties its style reads. */
const BUILDERS: Record<string, (d: Data, r: RecordView) => { geometry: unknown; props: Data } | undefined> = {
  unit: (d) => ({ geometry: d['position'] ?? d['area'], props: { force: d['force'], sidc: d['sidc'], status: d['status'] } }),
  checkpoint: (d) => ({ geometry: d['position'], props: { kind: d['kind'], status: d['status'] } }),
  incident: (d) => ({
    geometry: d['location'],
    props: { time: Date.parse(String(d['occurredAt'])), casualties: sum(d['killed']) + sum(d['wounded']) },
  }),
  jcc: (d) => ({ geometry: d['area'], props: {} }),
  'force-line': (d, r) => ({ geometry: d['geometry'], props: { party: r.originParty } }),
  operation: (d) => ({ geometry: d['area'], props: { status: d['status'] } }),
};

export const MAPPED_TYPES = Object.keys(BUILDERS);

/** A map feature for a record (id = record id), or undefined when it has nothing to draw. */
export function recordFeature(r: RecordView): Feature | undefined {
  const built = BUILDERS[r.type]?.(r.data, r);
  const geometry = built && toGeometry(built.geometry);
  if (!built || !geometry) return undefined;
  const f = new Feature({ geometry, ...built.props });
  f.setId(r.id);
  f.set('record', r, true);
  return f;
}

/** An operation's sectors, each its own feature, pointing back at the operation. */
export function sectorFeatures(r: RecordView): Feature[] {
  const sectors = (r.data['sectors'] as Data[] | undefined) ?? [];
  return sectors.flatMap((s, i) => {
    const geometry = toGeometry(s['area']);
    if (!geometry) return [];
    const f = new Feature({ geometry, force: s['force'], progress: s['progressPct'], name: s['name'] });
    f.setId(`${r.id}#${String(s['code'] ?? i)}`);
    f.set('record', r, true);
    return [f];
  });
}
