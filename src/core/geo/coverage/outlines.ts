/**
 * Selected components as WGS84 polygons: traced, simplified in grid units, then projected back.
 * Each 4-connected component has one outer ring (the largest) and its holes.
 */
import type { Polygon, Position } from '../types.ts';
import type { Components } from './components.ts';
import type { Grid } from './grid.ts';
import type { RunList } from './run-list.ts';
import { simplifyRing } from './simplify.ts';
import { traceRing, twiceSignedArea, untraced, type CellSet } from './trace.ts';
import { toLonLat } from './utm.ts';

/**
 * Polygons of the components `wanted` marks (component → output slot, −1 for none), in slot
 * order. `toleranceCells` is the Douglas–Peucker tolerance in cells.
 */
export function outlineComponents(set: CellSet, runs: RunList, comps: Components, wanted: Int32Array, slots: number, grid: Grid, toleranceCells: number): Polygon[] {
  const ringsOf: number[][][] = Array.from({ length: slots }, () => []);
  for (let k = 0; k < runs.length; k++) {
    const slot = wanted[comps.ofRun[k]!]!;
    if (slot < 0 || !untraced(set, runs.start[k]!, runs.row[k]!)) continue;
    ringsOf[slot]!.push(...traceRing(set, runs.start[k]!, runs.row[k]!));
  }
  return ringsOf.map((rings) => toPolygon(rings, grid, toleranceCells));
}

function toPolygon(rings: number[][], grid: Grid, toleranceCells: number): Polygon {
  const areas = rings.map(twiceSignedArea);
  let outer = 0;
  areas.forEach((a, i) => { if (Math.abs(a) > Math.abs(areas[outer]!)) outer = i; });
  const ordered = [rings[outer]!, ...rings.filter((_, i) => i !== outer)];
  return { type: 'Polygon', coordinates: ordered.map((r) => toLonLatRing(simplifyRing(r, toleranceCells), grid)) };
}

function toLonLatRing(ring: number[], grid: Grid): Position[] {
  const out: Position[] = [];
  for (let k = 0; k < ring.length; k += 2) out.push(toLonLat(grid.x0 + ring[k]! * grid.cellM, grid.y0 + ring[k + 1]! * grid.cellM));
  out.push(out[0]!);
  return out;
}
