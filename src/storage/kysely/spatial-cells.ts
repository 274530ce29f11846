import type { Bbox } from '../../core/geo/geometry.ts';

/**
 * A coarse spatial key per record, so that a bbox query can use a plain B-tree (both backends)
 * on (type, cell, sort_key): the query lists the cells its box touches and each cell is one
 * index range, already narrowed by time. A record's bbox is put in the smallest cell that holds
 * it whole: a 0.1° cell (about 11 × 9 km here; every point lands in one), else a 1° cell, else
 * the single "spans" cell. The exact bbox test still runs on every candidate; cells only prefilter.
 *
 * Encoding: fine cells are ≥ 0, coarse cells ≤ −2, SPANS is −1, no bbox is NULL.
 */
export const SPANS = -1;

const FINE = 10; // cells per degree
const COARSE = 1;
/** Boxes needing more fine cells than this are not worth listing: they are scanned in time order. */
export const MAX_QUERY_CELLS = 400;

// The same float arithmetic for records and queries keeps the prefilter a superset: floor() is
// monotonic, so a point inside both a record's box and the query box has a column and row that
// lie within both boxes' ranges.
const col = (lon: number, perDegree: number): number => Math.floor((lon + 180) * perDegree);
const row = (lat: number, perDegree: number): number => Math.floor((lat + 90) * perDegree);
const fineId = (c: number, r: number): number => c * 10_000 + r;
const coarseId = (c: number, r: number): number => -(c * 1_000 + r) - 2;

const onEarth = (b: Bbox): boolean => b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] <= b[2] && b[1] <= b[3];

export function cellOf(b: Bbox | null): number | null {
  if (b === null) return null;
  if (!onEarth(b)) return SPANS;
  const [c0, c1, r0, r1] = [col(b[0], FINE), col(b[2], FINE), row(b[1], FINE), row(b[3], FINE)];
  if (c0 === c1 && r0 === r1) return fineId(c0, r0);
  const [k0, k1, q0, q1] = [col(b[0], COARSE), col(b[2], COARSE), row(b[1], COARSE), row(b[3], COARSE)];
  if (k0 === k1 && q0 === q1) return coarseId(k0, q0);
  return SPANS;
}

/** Every cell a record intersecting `q` can be in, or null when the box is too large to list. */
export function cellsFor(q: Bbox): number[] | null {
  // Clamped: a query reaching past the poles or the antimeridian still finds what is on Earth.
  const [w, s, e, n] = [Math.max(q[0], -180), Math.max(q[1], -90), Math.min(q[2], 180), Math.min(q[3], 90)];
  if (w > e || s > n) return [];
  const [c0, c1, r0, r1] = [col(w, FINE), col(e, FINE), row(s, FINE), row(n, FINE)];
  if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_QUERY_CELLS) return null;
  const out: number[] = [SPANS];
  for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) out.push(fineId(c, r));
  for (let c = col(w, COARSE); c <= col(e, COARSE); c++) for (let r = row(s, COARSE); r <= row(n, COARSE); r++) out.push(coarseId(c, r));
  return out;
}
