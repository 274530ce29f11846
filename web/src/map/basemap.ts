import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import { fromLonLat } from 'ol/proj';
import type { StyleFunction } from 'ol/style/Style';
import type Style from 'ol/style/Style';
import type { ApiClient, Lang } from '../app/contracts.ts';
import { placeLabelStyle } from './feature-styles.ts';
import { toGeometry } from './record-features.ts';

type Names = Partial<Record<string, string>>;

interface AdminArea {
  pcode: string;
  level: number;
  names: Names;
  geometry?: unknown;
}

interface Place {
  id: string;
  names: Names;
  kind: string;
  lon: number;
  lat: number;
  population: number | null;
}

/** The theatre: Nineveh, Erbil, Kirkuk, Salah al-Din, Diyala and around (minLon,minLat,maxLon,maxLat). */
export const THEATRE_BBOX = '40.5,33.0,47.0,37.5';
const PAGE = 500;

/** A name in the UI language, else whichever the gazetteer has. */
export const nameIn = (names: Names, lang: Lang): string =>
  names[lang] ?? (lang === 'ckb' ? names['ar'] : undefined) ?? names['en'] ?? names['ar'] ?? Object.values(names).find(Boolean) ?? '';

/** Governorate and district boundaries (levels 1 and 2) of the theatre, from the imported COD-AB data; both levels fetched at once. */
export async function loadAdminAreas(api: ApiClient): Promise<Feature[]> {
  return (await Promise.all([1, 2].map((level) => loadAdminLevel(api, level)))).flat();
}

async function loadAdminLevel(api: ApiClient, level: number): Promise<Feature[]> {
  const out: Feature[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.get<{ items: AdminArea[] }>('/admin-areas', { level, bbox: THEATRE_BBOX, geometry: 'true', limit: PAGE, offset });
    for (const a of page.items) {
      const geometry = toGeometry(a.geometry);
      if (!geometry) continue;
      const f = new Feature({ geometry, level: a.level, names: a.names });
      f.setId(`admin:${a.pcode}`);
      out.push(f);
    }
    if (page.items.length < PAGE) return out;
  }
}

/** The most populous places of the theatre, labelled in the UI language (canvas text shapes Arabic script). */
export async function loadPlaces(api: ApiClient): Promise<Feature[]> {
  const page = await api.get<{ items: Place[] }>('/places', { bbox: THEATRE_BBOX, limit: PAGE });
  return page.items
    .filter((p) => p.kind !== 'neighbourhood')
    .map((p) => {
      const f = new Feature({ geometry: new Point(fromLonLat([p.lon, p.lat])), names: p.names, population: p.population ?? 0 });
      f.setId(`place:${p.id}`);
      return f;
    });
}

/** Place labels in `lang`, larger for towns over 50,000; bigger places win when labels collide. */
export function placeStyle(lang: Lang): StyleFunction {
  const cache = new Map<string, Style>();
  return (f) => {
    const major = (f.get('population') as number) >= 50_000;
    const label = nameIn(f.get('names') as Names, lang);
    const z = Math.round(Math.log10(1 + (f.get('population') as number)));
    const key = `${major}|${z}|${label}`;
    let s = cache.get(key);
    if (!s) {
      s = placeLabelStyle(label, major);
      s.setZIndex(z);
      cache.set(key, s);
    }
    return s;
  };
}
