/**
 * Derives the demo's front geometry from the hand-drawn centre line: the two forward lines, the
 * sweep area and its sectors, with the measurements the scenario reports.
 */
import { geodesicAreaKm2, type Polygon } from '../core/geo/geometry.ts';
import { FRONT, SECTORS, SMOOTHING_ITERATIONS, type SectorCode } from './front.data.ts';
import { bandRing, gapWidthKm, lengthM, offsetLine, pointAlong, round5, sideOf, smooth, type LonLat } from './strip-geometry.util.ts';

export interface Front {
  centre: LonLat[];
  peshmergaLine: LonLat[];
  federalLine: LonLat[];
  strip: { minKm: number; maxKm: number; meanKm: number };
  sweepArea: Polygon;
  sweepAreaKm2: number;
  /** How far the sweep area reaches to each side, per vertex of the centre line. */
  sweepWidths: { leftM: number; rightM: number }[];
  /** Half the strip width (m) at a vertex of the centre line. */
  halfStripAtM(vertex: number): number;
  sectorAt(vertex: number): SectorCode;
  /** The stretch of the centre line in a sector, as fractions of its length. */
  sectorRange(code: SectorCode): [number, number];
  /** The first and last vertex of a sector (shared with the neighbouring sector); lines and centre share vertex numbers. */
  sectorVertices(code: SectorCode): [number, number];
  lengthKm: number;
}

export function buildFront(): Front {
  const sectorIndex = (code: SectorCode): number => SECTORS.indexOf(code);
  const rows = smooth(FRONT.map((f) => [f.lon, f.lat, f.stripKm, f.sweepLeftKm, f.sweepRightKm, sectorIndex(f.sector)]), SMOOTHING_ITERATIONS);
  const centre = rows.map((r) => [r[0]!, r[1]!] as LonLat);
  const col = (k: number) => (i: number): number => rows[i]![k]! * 1000;
  const halfStrip = (i: number): number => col(2)(i) / 2;
  const peshmergaLine = offsetLine(centre, halfStrip).map(round5);
  const federalLine = offsetLine(centre, (i) => -halfStrip(i)).map(round5);
  const sweepArea: Polygon = { type: 'Polygon', coordinates: [bandRing(centre, col(3), col(4))] };

  // A smoothed vertex belongs to the sector its interpolated index rounds to; sectors share
  // their boundary vertex so that together they tile the sweep area.
  const sectorOfVertex = rows.map((r) => SECTORS[Math.round(r[5]!)]!);
  const span = (code: SectorCode): [number, number] => [sectorOfVertex.indexOf(code), Math.min(sectorOfVertex.lastIndexOf(code) + 1, centre.length - 1)];
  const total = lengthM(centre);
  const alongAt = (vertex: number): number => lengthM(centre.slice(0, vertex + 1)) / total;

  return {
    centre,
    peshmergaLine,
    federalLine,
    strip: gapWidthKm(peshmergaLine, federalLine),
    sweepArea,
    sweepAreaKm2: geodesicAreaKm2(sweepArea),
    sweepWidths: rows.map((_, i) => ({ leftM: col(3)(i), rightM: col(4)(i) })),
    halfStripAtM: halfStrip,
    sectorAt: (vertex) => sectorOfVertex[vertex]!,
    sectorRange: (code) => span(code).map(alongAt) as [number, number],
    sectorVertices: span,
    lengthKm: total / 1000,
  };
}

/** Where a point lies relative to the front: its side, depth and whether it is inside the strip. */
export interface FrontPosition {
  /** Metres from the centre line: positive on the Peshmerga side, negative on the federal side. */
  signedM: number;
  /** Fraction of the centre line's length, 0 at the Syrian border. */
  along: number;
  /** Half the strip's width there, in metres. */
  halfStripM: number;
  inStrip: boolean;
  sector: SectorCode;
}

export function placeOnFront(front: Front, p: LonLat): FrontPosition {
  const { signedM, along, vertex } = sideOf(p, front.centre);
  const halfStripM = front.halfStripAtM(vertex);
  return { signedM, along, halfStripM, inStrip: Math.abs(signedM) <= halfStripM, sector: front.sectorAt(vertex) };
}

/**
 * A point `depthM` behind a party's forward line (the Peshmerga side is left of the centre line),
 * at a fraction of the front's length; a negative depth lies inside the strip.
 */
export function behindLine(front: Front, along: number, side: 'peshmerga' | 'federal', depthM: number): LonLat {
  const { vertex } = sideOf(pointAlong(front.centre, along), front.centre);
  const fromCentre = front.halfStripAtM(vertex) + depthM;
  return round5(pointAlong(front.centre, along, side === 'peshmerga' ? fromCentre : -fromCentre));
}
