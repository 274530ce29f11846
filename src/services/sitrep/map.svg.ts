import type { Party } from '../../core/model/common.ts';
import { polygonsOf, type Area, type Bbox, type Line, type Position } from '../../core/geo/types.ts';
import type { Formatter } from './format.util.ts';
import { html, type Html } from './html.util.ts';
import type { Strings } from './i18n.ts';

/**
 * The report's sketch map as inline SVG: an equirectangular projection scaled by cos(latitude) at
 * the middle of the area, which over a few hundred kilometres is close enough for a sketch and
 * needs no tiles, fonts or scripts. It is labelled a sketch map wherever it is shown.
 */

export interface MapLayers {
  bbox: Bbox;
  districts: Area[];
  jccAreas: Area[];
  forceLines: { party: Party; geometry: Line | Area }[];
  gaps: Area[];
  incidents: { at: Position; casualties: number }[];
}

export const MAP_COLOURS = {
  district: '#9e9e9e',
  jcc: '#6a1b9a',
  peshmerga: '#c25e00',
  federal: '#1f4e9c',
  gap: '#e53935',
  incident: '#c62828',
} as const;

const MAX_W = 1000;
const MAX_H = 720;
const KM_PER_DEGREE = 111.32;
/** Vertices closer than this (in map units) to the last one drawn add nothing visible. */
const MIN_STEP = 0.8;

export interface Projection {
  width: number;
  height: number;
  /** Map units per degree of latitude. */
  scale: number;
  project(p: Position): [number, number];
}

export function projectionFor([minLon, minLat, maxLon, maxLat]: Bbox): Projection {
  const padLon = Math.max((maxLon - minLon) * 0.04, 0.01);
  const padLat = Math.max((maxLat - minLat) * 0.04, 0.01);
  const [x0, y0, x1, y1] = [minLon - padLon, minLat - padLat, maxLon + padLon, maxLat + padLat];
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const wDeg = (x1 - x0) * k;
  const hDeg = y1 - y0;
  const scale = Math.min(MAX_W / wDeg, MAX_H / hDeg);
  return {
    width: Math.round(wDeg * scale),
    height: Math.round(hDeg * scale),
    scale,
    project: (p) => [((p[0] ?? 0) - x0) * k * scale, (y1 - (p[1] ?? 0)) * scale],
  };
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

function pathOf(proj: Projection, lines: Position[][], close: boolean): string {
  const parts: string[] = [];
  for (const line of lines) {
    let last: [number, number] | null = null;
    let d = '';
    line.forEach((p, i) => {
      const xy = proj.project(p);
      const isLast = i === line.length - 1;
      if (last && !isLast && Math.hypot(xy[0] - last[0], xy[1] - last[1]) < MIN_STEP) return;
      d += `${last ? 'L' : 'M'}${r1(xy[0])} ${r1(xy[1])}`;
      last = xy;
    });
    if (d) parts.push(close ? `${d}Z` : d);
  }
  return parts.join('');
}

const areaPath = (proj: Projection, a: Area): string => pathOf(proj, polygonsOf(a).flat(), true);

function geometryPath(proj: Projection, g: Line | Area): string {
  if (g.type === 'LineString') return pathOf(proj, [g.coordinates], false);
  if (g.type === 'MultiLineString') return pathOf(proj, g.coordinates, false);
  return areaPath(proj, g);
}

/** Radius grows with the square root of killed plus wounded, so area is proportional to them. */
export const incidentRadius = (casualties: number): number => Math.min(3 + 1.8 * Math.sqrt(casualties), 16);

/** The largest 1, 2 or 5 × 10ⁿ km that fits in a fifth of the map's width. */
export function scaleBarKm(proj: Projection): { km: number; length: number } {
  const kmPerUnit = KM_PER_DEGREE / proj.scale;
  const target = (proj.width / 5) * kmPerUnit;
  const pow = 10 ** Math.floor(Math.log10(target));
  const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= target) ?? pow;
  return { km, length: km / kmPerUnit };
}

function scaleBar(proj: Projection, s: Strings, f: Formatter): Html {
  const { km, length } = scaleBarKm(proj);
  const x = 16;
  const y = proj.height - 18;
  const half = length / 2;
  return html`<g class="scale">
<rect x="${r1(x)}" y="${r1(y)}" width="${r1(half)}" height="6" fill="#222"/><rect x="${r1(x + half)}" y="${r1(y)}" width="${r1(half)}" height="6" fill="#fff" stroke="#222"/>
<text x="${r1(x + length / 2)}" y="${r1(y - 5)}" text-anchor="middle" font-size="13">${f.decimal(km, 1)} ${s.map.km}</text></g>`;
}

function northArrow(proj: Projection, s: Strings): Html {
  const x = proj.width - 30;
  return html`<g class="north"><path d="M${x} 10 L${x + 9} 38 L${x} 31 L${x - 9} 38 Z" fill="#222"/><text x="${x}" y="54" text-anchor="middle" font-size="12">${s.map.north}</text></g>`;
}

export function renderMap(layers: MapLayers, s: Strings, f: Formatter): Html {
  const proj = projectionFor(layers.bbox);
  const c = MAP_COLOURS;
  const incidents = [...layers.incidents].sort((a, b) => b.casualties - a.casualties);
  return html`<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" role="img" aria-label="${s.map.sketch}">
<rect width="${proj.width}" height="${proj.height}" fill="#f7f5ef"/>
<g fill="none" stroke="${c.district}" stroke-width="0.7">${layers.districts.map((a) => html`<path d="${areaPath(proj, a)}"/>`)}</g>
<g fill="${c.gap}" fill-opacity="0.28" stroke="${c.gap}" stroke-width="0.8">${layers.gaps.map((a) => html`<path d="${areaPath(proj, a)}"/>`)}</g>
<g fill="${c.jcc}" fill-opacity="0.04" stroke="${c.jcc}" stroke-width="1.6" stroke-dasharray="7 4">${layers.jccAreas.map((a) => html`<path d="${areaPath(proj, a)}"/>`)}</g>
<g fill="none" stroke-width="2.4">${layers.forceLines.map((l) => html`<path d="${geometryPath(proj, l.geometry)}" stroke="${c[l.party]}"/>`)}</g>
<g fill="${c.incident}" fill-opacity="0.75" stroke="#fff" stroke-width="1">${incidents.map((i) => {
    const [x, y] = proj.project(i.at);
    return html`<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(incidentRadius(i.casualties))}"/>`;
  })}</g>
${northArrow(proj, s)}
${scaleBar(proj, s, f)}
</svg>`;
}

/** A small symbol for the legend, drawn like its layer. */
export function legendSymbol(kind: 'incident' | 'jcc' | 'district' | 'gap' | Party): Html {
  const c = MAP_COLOURS;
  const body = {
    incident: html`<circle cx="12" cy="7" r="5" fill="${c.incident}" fill-opacity="0.75"/>`,
    jcc: html`<rect x="2" y="2" width="20" height="10" fill="none" stroke="${c.jcc}" stroke-width="1.6" stroke-dasharray="4 2"/>`,
    district: html`<rect x="2" y="2" width="20" height="10" fill="none" stroke="${c.district}"/>`,
    gap: html`<rect x="2" y="2" width="20" height="10" fill="${c.gap}" fill-opacity="0.28" stroke="${c.gap}"/>`,
    peshmerga: html`<line x1="1" y1="7" x2="23" y2="7" stroke="${c.peshmerga}" stroke-width="2.4"/>`,
    federal: html`<line x1="1" y1="7" x2="23" y2="7" stroke="${c.federal}" stroke-width="2.4"/>`,
  }[kind];
  return html`<svg class="sym" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 14" width="24" height="14" aria-hidden="true">${body}</svg>`;
}
