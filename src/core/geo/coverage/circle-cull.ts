/**
 * Drops circles lying wholly inside another circle of the same layer: the union is unchanged and
 * the row sweep has less to do. Units cluster, so with 10,000 circles of 2–8 km over 40,000 km²
 * more than half are inside a larger one (and their rows are 45 % of all). Candidates come from a
 * bucket grid of centres (counting-sorted into flat arrays); of two identical circles, the first
 * is kept.
 */
import type { GridCircle } from './grid.ts';

/** Buckets per side at most, so widely scattered small circles cannot blow up the bucket grid. */
const MAX_BUCKETS_PER_SIDE = 256;

export function withoutContained(circles: readonly GridCircle[]): GridCircle[] {
  if (circles.length < 2) return [...circles];
  const b = bucketGrid(circles);
  const { size, minU, minV, side, start, items, maxR } = b;
  const bucketOf = (x: number, min: number): number => Math.min(side - 1, Math.max(0, Math.floor((x - min) / size)));
  const contained = (a: GridCircle, i: number): boolean => {
    // A container's centre is within maxR − a.r of a's centre.
    const reach = maxR - a.r;
    const u1 = bucketOf(a.u + reach, minU), v0 = bucketOf(a.v - reach, minV), v1 = bucketOf(a.v + reach, minV);
    for (let bu = bucketOf(a.u - reach, minU); bu <= u1; bu++) {
      for (let bv = v0; bv <= v1; bv++) {
        const cell = bu * side + bv;
        for (let k = start[cell]!; k < start[cell + 1]!; k++) {
          const j = items[k]!;
          const c = circles[j]!;
          const room = c.r - a.r;
          if (j === i || room < 0 || (room === 0 && j > i)) continue;
          const du = a.u - c.u, dv = a.v - c.v;
          if (du * du + dv * dv <= room * room) return true;
        }
      }
    }
    return false;
  };
  return circles.filter((c, i) => !contained(c, i));
}

function bucketGrid(circles: readonly GridCircle[]): { size: number; minU: number; minV: number; side: number; start: Int32Array; items: Int32Array; maxR: number } {
  let maxR = 0, minU = Infinity, minV = Infinity, maxU = -Infinity, maxV = -Infinity;
  for (const c of circles) {
    maxR = Math.max(maxR, c.r);
    minU = Math.min(minU, c.u); maxU = Math.max(maxU, c.u);
    minV = Math.min(minV, c.v); maxV = Math.max(maxV, c.v);
  }
  const size = Math.max(maxR, (maxU - minU) / MAX_BUCKETS_PER_SIDE, (maxV - minV) / MAX_BUCKETS_PER_SIDE, 1e-9);
  const side = Math.min(MAX_BUCKETS_PER_SIDE, Math.floor(Math.max(maxU - minU, maxV - minV) / size)) + 1;
  const cellOf = (c: GridCircle): number => Math.min(side - 1, Math.floor((c.u - minU) / size)) * side + Math.min(side - 1, Math.floor((c.v - minV) / size));
  const start = new Int32Array(side * side + 1);
  for (const c of circles) start[cellOf(c) + 1]!++;
  for (let k = 0; k < side * side; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, side * side);
  const items = new Int32Array(circles.length);
  circles.forEach((c, i) => { items[fill[cellOf(c)]!++] = i; });
  return { size, minU, minV, side, start, items, maxR };
}
