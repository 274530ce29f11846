/**
 * The raster grid in UTM 38N metres, and shapes in grid units: u = (x − x0) / cellM, v likewise,
 * so cell (i, j) spans [i, i+1] × [j, j+1] and its centre is (i + 0.5, j + 0.5). Row 0 is the
 * southernmost; cell (i, j) is at index j·width + i.
 */
import { TansiqError } from '../../errors.ts';

export interface Grid {
  x0: number;
  y0: number;
  cellM: number;
  width: number;
  height: number;
}

export interface GridCircle { u: number; v: number; r: number }
/** A segment with a radius: the buffer of a segment (a capsule). */
export interface GridCapsule { ax: number; ay: number; bx: number; by: number; r: number }
/** Rings as flat closed coordinate lists [u0, v0, u1, v1, …]; even-odd across the rings. */
export interface GridPolygon { rings: Float64Array[] }

export interface LayerShapes {
  circles: GridCircle[];
  capsules: GridCapsule[];
  polygons: GridPolygon[];
}

export const emptyShapes = (): LayerShapes => ({ circles: [], capsules: [], polygons: [] });

/**
 * The grid covering a projected bounding box. The origin is snapped to a multiple of the cell size
 * so that two jobs over overlapping regions share cell boundaries. The cell count is checked
 * before anything is allocated.
 */
export function gridFor(minX: number, minY: number, maxX: number, maxY: number, cellM: number, maxCells: number): Grid {
  const x0 = Math.floor(minX / cellM) * cellM;
  const y0 = Math.floor(minY / cellM) * cellM;
  const width = Math.max(1, Math.ceil((maxX - x0) / cellM));
  const height = Math.max(1, Math.ceil((maxY - y0) / cellM));
  const cells = width * height;
  if (cells > maxCells) {
    const fitting = Math.ceil(cellM * Math.sqrt(cells / maxCells));
    throw new TansiqError('VALIDATION', `the region at ${cellM} m cells needs ${fmt(cells)} cells (${fmt(width)} × ${fmt(height)}); the limit is ${fmt(maxCells)}: use cells of at least ${fmt(fitting)} m or a smaller region`, {
      fields: [{ path: 'cellM', message: `${fmt(cells)} cells exceed the limit of ${fmt(maxCells)}` }],
      details: { cells, width, height, maxCells },
    });
  }
  return { x0, y0, cellM, width, height };
}

const fmt = (n: number): string => n.toLocaleString('en');

/** Columns whose centres lie in [ua, ub]: [first, end). */
export const firstCol = (ua: number): number => Math.ceil(ua - 0.5);
export const endCol = (ub: number): number => Math.floor(ub - 0.5) + 1;
