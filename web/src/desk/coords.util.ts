import * as mgrsModule from 'mgrs';

/** Iraq with a margin, as the server's service area (`SERVICE_AREA` in `src/core/geo/geometry.ts`). */
const AREA = { minLon: 38.0, minLat: 28.5, maxLon: 49.5, maxLat: 38.5 } as const;

export type LonLat = [number, number];
export type CoordProblem = 'empty' | 'unreadable' | 'swapped' | 'outside';
export type CoordResult = { ok: true; lonLat: LonLat } | { ok: false; problem: CoordProblem };

// Vite loads the ES build (named exports); Node (tests) loads the UMD build as `default`.
const mgrs = mgrsModule as typeof mgrsModule & { default?: typeof mgrsModule };
const toPoint = mgrs.toPoint ?? mgrs.default?.toPoint;

const inArea = (lon: number, lat: number): boolean =>
  lon >= AREA.minLon && lon <= AREA.maxLon && lat >= AREA.minLat && lat <= AREA.maxLat;

const MGRS_RE = /^\d{1,2}[C-HJ-NP-X][A-HJ-NP-Z]{2}(\d{2}){0,5}$/;
const NUMBER_PAIR_RE = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/;

/** Arabic-Indic and Persian digits and the Arabic decimal/thousands signs, as typed on Arabic keyboards. */
export function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/[\u066C\u060C]/g, ',');
}

function checked(lon: number, lat: number): CoordResult {
  if (inArea(lon, lat)) return { ok: true, lonLat: [lon, lat] };
  return { ok: false, problem: inArea(lat, lon) ? 'swapped' : 'outside' };
}

/** Reads "lon, lat" in degrees or an MGRS reference (38SLF…); the problem names what to fix. */
export function parseCoordinates(input: string): CoordResult {
  const text = westernDigits(input.trim());
  if (text === '') return { ok: false, problem: 'empty' };
  const pair = NUMBER_PAIR_RE.exec(text);
  if (pair) return checked(Number(pair[1]), Number(pair[2]));
  const ref = text.replace(/\s+/g, '').toUpperCase();
  if (!MGRS_RE.test(ref)) return { ok: false, problem: 'unreadable' };
  try {
    const [lon, lat] = toPoint(ref);
    return Number.isFinite(lon) && Number.isFinite(lat) ? checked(lon, lat) : { ok: false, problem: 'unreadable' };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

export const formatLonLat = ([lon, lat]: LonLat): string => `${lon.toFixed(5)}, ${lat.toFixed(5)}`;
