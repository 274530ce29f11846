/**
 * Where the scenario's places and areas come from: the imported reference data when it is loaded,
 * else the demo's own approximate key places and outlines. Builders ask the same questions of both.
 */
import { areaSchema, geodesicAreaKm2, haversineM, type Area, type Polygon, type Ring } from '../core/geo/geometry.ts';
import type { Place } from '../core/model/reference.ts';
import type { Services } from '../services/services.ts';
import { KEY_PLACES, keyPlace, type KeyPlace } from './places.data.ts';

export interface ScenarioPlace {
  /** Gazetteer id, when the place comes from the imported gazetteer. */
  id?: string;
  /** For titles and `placeName`: English and Arabic. */
  label: string;
  lon: number;
  lat: number;
  adm2?: string;
  approximate: boolean;
}

export interface ScenarioGeo {
  readonly approximate: boolean;
  /** A key place of places.data.ts. */
  place(key: string): Promise<ScenarioPlace>;
  /** Populated places of these districts, where incidents happen. */
  villages(districts: readonly string[]): Promise<ScenarioPlace[]>;
  /** The union of admin areas; `fallback` is the hand-drawn outline used without boundaries. */
  area(pcodes: readonly string[], fallback: readonly [number, number][], label: string): Promise<Area>;
  /** The most detailed admin area containing the point, down to `maxLevel`. */
  adminPcodeAt(lon: number, lat: number, maxLevel: number): Promise<string | undefined>;
}

const closeRing = (pts: readonly [number, number][]): Ring => [...pts, pts[0]!].map(([lon, lat]) => [lon, lat]);
const labelOf = (en: string | undefined, ar: string | undefined): string => [en, ar].filter(Boolean).join(' / ') || 'unnamed place';

const DEMO_SOURCE = 'Tansiq demo scenario: approximate position, written by hand (about 1 km or worse)';
const demoPlaceId = (k: KeyPlace): string => `demo:${k.key}`;

const approximatePlace = (k: KeyPlace): ScenarioPlace => ({ id: demoPlaceId(k), label: `${labelOf(k.en, k.ar)} (approximate)`, lon: k.lon, lat: k.lat, adm2: k.adm2, approximate: true });

/** The key places as gazetteer entries, so that place search works in a demo without geodata. */
export function approximateGazetteer(): Place[] {
  return KEY_PLACES.map((k) => ({
    id: demoPlaceId(k),
    names: { en: `${k.en} (approximate)`, ar: k.ar, ckb: k.ckb },
    altNames: k.lookup ? [k.lookup] : [],
    kind: k.kind === 'mountain' ? 'mountain' : 'locality',
    lon: k.lon,
    lat: k.lat,
    adm1Pcode: k.adm2.slice(0, 5),
    adm2Pcode: k.adm2,
    adm3Pcode: null,
    population: null,
    geonamesId: null,
    source: DEMO_SOURCE,
  }));
}

/** The demo's own coarse geography, every piece of it labelled approximate. */
export class ApproximateGeo implements ScenarioGeo {
  readonly approximate = true;

  async place(key: string): Promise<ScenarioPlace> {
    return approximatePlace(keyPlace(key));
  }

  async villages(districts: readonly string[]): Promise<ScenarioPlace[]> {
    return KEY_PLACES.filter((k) => districts.includes(k.adm2) && k.kind !== 'mountain').map(approximatePlace);
  }

  async area(_pcodes: readonly string[], fallback: readonly [number, number][]): Promise<Area> {
    return { type: 'Polygon', coordinates: [closeRing(fallback)] };
  }

  async adminPcodeAt(): Promise<string | undefined> {
    return undefined;
  }
}

/** Lookups in the imported gazetteer and boundaries, through the reference service. */
export class GazetteerGeo implements ScenarioGeo {
  readonly approximate = false;
  private readonly cache = new Map<string, ScenarioPlace>();

  constructor(
    private readonly services: Services,
    private readonly notes: string[],
  ) {}

  async place(key: string): Promise<ScenarioPlace> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const k = keyPlace(key);
    const found = await this.lookup(k);
    this.cache.set(key, found);
    return found;
  }

  /** By name near the expected position; else the nearest locality of the district, said so in the notes. */
  private async lookup(k: KeyPlace): Promise<ScenarioPlace> {
    const near = (places: Place[], maxM: number): Place | undefined =>
      places
        .map((p) => ({ p, d: haversineM([p.lon, p.lat], [k.lon, k.lat]) }))
        .filter((x) => x.d <= maxM)
        .sort((a, b) => a.d - b.d)[0]?.p;
    // Within 5 km: every key place's approximate position is better than that, and a wider net
    // catches namesakes (Aski Kifri, "old Kifri", lies 8 km from Kifri).
    const byName = near(await this.services.reference.listPlaces({ q: k.lookup ?? k.en, adminPcode: k.adm2, limit: 100 }), 5_000);
    if (byName) return this.fromGazetteer(byName, k);
    const d = 0.06;
    const nearby = near(await this.services.reference.listPlaces({ bbox: [k.lon - d, k.lat - d, k.lon + d, k.lat + d], limit: 500 }), 10_000);
    if (nearby) {
      this.notes.push(`${k.en} is not in the gazetteer: the nearest locality, ${labelOf(nearby.names.en, nearby.names.ar)} (${nearby.id}), stands for it`);
      return { ...this.fromGazetteer(nearby, k), label: `${labelOf(k.en, k.ar)} (at ${nearby.names.en ?? nearby.id})` };
    }
    this.notes.push(`${k.en} is not in the gazetteer and has no locality within 10 km: its approximate position is used`);
    return approximatePlace(k);
  }

  private fromGazetteer(p: Place, k: KeyPlace): ScenarioPlace {
    return { id: p.id, label: labelOf(p.names.en ?? k.en, p.names.ar ?? k.ar), lon: p.lon, lat: p.lat, adm2: p.adm2Pcode ?? k.adm2, approximate: false };
  }

  async villages(districts: readonly string[]): Promise<ScenarioPlace[]> {
    const out: ScenarioPlace[] = [];
    for (const adminPcode of districts) {
      for (let offset = 0; ; offset += 500) {
        const page = await this.services.reference.listPlaces({ adminPcode, limit: 500, offset });
        for (const p of page) out.push({ id: p.id, label: labelOf(p.names.en, p.names.ar), lon: p.lon, lat: p.lat, adm2: p.adm2Pcode ?? adminPcode, approximate: false });
        if (page.length < 500) break;
      }
    }
    return out;
  }

  async area(pcodes: readonly string[], fallback: readonly [number, number][], label: string): Promise<Area> {
    const polygons: Ring[][] = [];
    for (const pcode of pcodes) {
      const admin = await this.services.reference.getAdminArea(pcode).catch(() => undefined);
      if (!admin) {
        this.notes.push(`${label}: admin area ${pcode} is not loaded; the approximate outline is used instead`);
        return { type: 'Polygon', coordinates: [closeRing(fallback)] };
      }
      polygons.push(...this.validPolygons(admin.geometry as Area, `${label}: ${pcode}`));
    }
    return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
  }

  /**
   * The area's polygons if they pass Tansiq's strict validation. Otherwise the largest outer ring
   * that does, and a note: a JCC needs an area today, and a person should fix the boundary.
   */
  private validPolygons(g: Area, label: string): Ring[][] {
    const check = areaSchema.safeParse(g);
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (check.success) return polygons;
    const rings = polygons
      .map((rings): Polygon => ({ type: 'Polygon', coordinates: [rings[0]!] }))
      .filter((p) => areaSchema.safeParse(p).success)
      .sort((a, b) => geodesicAreaKm2(b) - geodesicAreaKm2(a));
    const best = rings[0];
    if (!best) throw new Error(`${label}: no ring of the boundary is a valid polygon (${check.error.issues[0]?.message})`);
    this.notes.push(`${label}: the boundary fails validation (${check.error.issues[0]?.message}); its largest valid outer ring is used`);
    return [best.coordinates];
  }

  async adminPcodeAt(lon: number, lat: number, maxLevel: number): Promise<string | undefined> {
    const areas = await this.services.reference.locate(lon, lat);
    return areas.find((a) => a.level <= maxLevel)?.pcode;
  }
}
