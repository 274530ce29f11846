/** How `tansiq gaps` shows an analysis: a summary and a table at the console, GeoJSON in a file. */
import type { LocalizedNames } from '../core/model/reference.ts';
import type { GapView } from '../services/coverage-enrich.ts';
import type { CoverageAnalysis } from '../services/coverage.service.ts';
import { formatTable, plural } from './output.ts';

export const nameOf = (n: LocalizedNames | null | undefined, fallback = '-'): string => n?.en ?? n?.kuLatn ?? n?.ar ?? n?.ckb ?? fallback;

const km2 = (v: number): string => v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const share = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '-');

export function summaryLines(a: CoverageAnalysis): string[] {
  const { areas, strip, inputs, timings } = a;
  const part = (label: string, v: number): string => `${label} ${km2(v)} km² (${share(v, areas.regionKm2)})`;
  const window = `incidents since ${a.window.since.slice(0, 10)}${a.window.until ? ` until ${a.window.until.slice(0, 10)}` : ''}`;
  return [
    `region: ${nameOf(a.region.names)} (${a.regionKey}), ${km2(areas.regionKm2)} km² in ${plural(a.cells, 'cell')} of ${a.cellM} m, as of ${a.asOf}`,
    `covered by: ${[part('none', areas.noneKm2), part('peshmerga only', areas.peshmergaOnlyKm2), part('federal only', areas.federalOnlyKm2), part('both', areas.bothKm2)].join(', ')}`,
    strip ? `vacuum strip: ${km2(strip.areaKm2)} km², width ${strip.meanWidthKm.toFixed(1)} km on average, ${strip.maxWidthKm.toFixed(1)} km at most` : 'vacuum strip: none (needs current force lines of both parties)',
    `inputs: ${plural(inputs.units, 'unit')}, ${plural(inputs.checkpoints, 'checkpoint')}, ${plural(inputs.forceLines, 'force line')}, ${plural(inputs.incidents, 'incident')} (${window})`,
    `${plural(a.gaps.length, 'gap')}; computed in ${Math.round(timings['total'] ?? 0)} ms (reading ${Math.round(timings['load'] ?? 0)}, engine ${Math.round(timings['engine'] ?? 0)}, places ${Math.round(timings['describe'] ?? 0)})`,
  ];
}

export function gapTable(gaps: readonly GapView[]): string {
  const rows = gaps.map((g) => {
    const place = g.places[0];
    return [
      String(g.rank),
      km2(g.areaKm2),
      nameOf(g.admin.district?.names, g.admin.district?.pcode ?? '-'),
      g.risk > 0 ? g.risk.toPrecision(3) : '0',
      String(g.explanation.incidentsInside + g.explanation.incidentsNear),
      place ? `${nameOf(place.names, place.id)} (${place.distanceKm.toFixed(1)} km)` : '-',
    ];
  });
  return formatTable(['RANK', 'AREA KM²', 'DISTRICT', 'RISK', 'INCIDENTS', 'NEAREST PLACE'], rows);
}

/** Gaps as features (most at risk first), then the strip as a feature of kind `strip`. */
export function gapsGeoJson(a: CoverageAnalysis): object {
  const gapFeatures = a.gaps.map((g) => ({
    type: 'Feature',
    geometry: g.geometry,
    properties: {
      kind: 'gap',
      rank: g.rank,
      areaKm2: g.areaKm2,
      risk: g.risk,
      inStripShare: g.inStripShare,
      admin: g.admin,
      places: g.places,
      explanation: g.explanation,
    },
  }));
  const strip = a.strip?.geometry
    ? [{ type: 'Feature', geometry: a.strip.geometry, properties: { kind: 'strip', areaKm2: a.strip.areaKm2, meanWidthKm: a.strip.meanWidthKm, maxWidthKm: a.strip.maxWidthKm, widthProfile: a.strip.widthProfile } }]
    : [];
  return { type: 'FeatureCollection', features: [...gapFeatures, ...strip] };
}
