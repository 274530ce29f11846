/**
 * Outlines of cell sets, traced along cell edges (crack following) with the set on the left:
 * outer rings come out counter-clockwise, holes clockwise, as RFC 7946 asks. The turn rule is the
 * 4-connected one, so cells touching only at a corner are kept apart, as the labelling does. Where
 * a ring passes the same corner twice, it is split there, so every ring is simple (a hole may
 * then touch its outer ring at that one point, which OGC allows).
 */

/** Which cells are in: (cells[i] & mask) === value. `visitedBit` must be outside `mask`. */
export interface CellSet {
  cells: Uint8Array;
  width: number;
  height: number;
  mask: number;
  value: number;
  visitedBit: number;
}

// Directions E, N, W, S; the cells ahead-left and ahead-right of a corner, as offsets from it.
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];
const LX = [0, -1, -1, 0];
const LY = [0, 0, -1, -1];
const RX = [0, 0, -1, -1];
const RY = [-1, 0, 0, -1];
const SOUTH = 3;

/** Whether the left edge of cell (col, row) still has to be traced. */
export const untraced = (set: CellSet, col: number, row: number): boolean => (set.cells[row * set.width + col]! & set.visitedBit) === 0;

/**
 * Traces the ring through the left edge of cell (col, row), which must be in the set with its
 * left neighbour out. Returns simple rings of corner points [x0, y0, x1, y1, …] (not closed).
 */
export function traceRing(set: CellSet, col: number, row: number): number[][] {
  const { cells, width, height, mask, value, visitedBit } = set;
  const inSet = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < width && j < height && (cells[j * width + i]! & mask) === value;
  const corners: number[] = [];
  const pinches: number[] = [];
  let x = col, y = row + 1, d = SOUTH;
  do {
    if (d === SOUTH) cells[(y - 1) * width + x]! |= visitedBit;
    x += DX[d]!;
    y += DY[d]!;
    let nd: number;
    if (!inSet(x + LX[d]!, y + LY[d]!)) {
      nd = (d + 1) & 3;
      if (inSet(x + RX[d]!, y + RY[d]!)) pinches.push(corners.length);
    } else nd = inSet(x + RX[d]!, y + RY[d]!) ? (d + 3) & 3 : d;
    if (nd !== d) corners.push(x, y);
    d = nd;
  } while (x !== col || y !== row + 1 || d !== SOUTH);
  return pinches.length ? splitAtPinches(corners, pinches, width) : [corners];
}

// A stack walk: when a pinch corner comes round again, the loop since its first visit is a ring.
function splitAtPinches(corners: number[], pinches: number[], width: number): number[][] {
  const isPinch = new Set(pinches);
  const seen = new Map<number, number>();
  const stack: number[] = [];
  const rings: number[][] = [];
  for (let k = 0; k < corners.length; k += 2) {
    const x = corners[k]!, y = corners[k + 1]!;
    if (isPinch.has(k)) {
      const key = y * (width + 1) + x;
      const at = seen.get(key);
      if (at !== undefined) {
        rings.push(stack.splice(at));
        for (const [other, pos] of seen) if (pos >= at) seen.delete(other);
      }
      seen.set(key, stack.length);
    }
    stack.push(x, y);
  }
  rings.push(stack);
  return rings.filter((r) => r.length >= 6);
}

/** Twice the signed area of a ring of corners: positive for counter-clockwise. */
export function twiceSignedArea(ring: number[]): number {
  let s = 0;
  const n = ring.length;
  for (let k = 0; k < n; k += 2) {
    const j = (k + 2) % n;
    s += ring[k]! * ring[j + 1]! - ring[j]! * ring[k + 1]!;
  }
  return s;
}
