/**
 * Capsules (a segment buffered by a radius), row by row. A capsule is convex, so a row meets it in
 * one interval: the hull of what the row cuts from the two end discs and from the rectangle
 * between them. Corridors and the zones near a force line are unions of capsules, which is
 * exactly their round-capped, round-joined buffer.
 */
import { endCol, firstCol, type GridCapsule } from './grid.ts';
import { ActiveSet } from './row-order.ts';
import type { RowUnion } from './span-union.ts';

const STRIDE = 8;

export class CapsuleRows {
  /** Per capsule: ax, ay, bx, by, unit direction dx, dy, length, radius. */
  private readonly data: Float64Array;
  private readonly set: ActiveSet;

  constructor(capsules: readonly GridCapsule[], height: number) {
    const n = capsules.length;
    this.data = new Float64Array(n * STRIDE);
    const first = new Int32Array(n);
    const last = new Int32Array(n);
    capsules.forEach((c, i) => {
      const len = Math.hypot(c.bx - c.ax, c.by - c.ay);
      const o = i * STRIDE;
      this.data.set([c.ax, c.ay, c.bx, c.by, len > 0 ? (c.bx - c.ax) / len : 1, len > 0 ? (c.by - c.ay) / len : 0, len, c.r], o);
      first[i] = Math.ceil(Math.min(c.ay, c.by) - c.r - 0.5);
      last[i] = Math.min(height - 1, Math.floor(Math.max(c.ay, c.by) + c.r - 0.5));
    });
    this.set = new ActiveSet(first, last, height);
  }

  emitRow(row: number, union: RowUnion): void {
    const active = this.set.advance(row);
    const y = row + 0.5;
    for (let k = 0; k < this.set.size; k++) this.emitOne(active[k]! * STRIDE, y, union);
  }

  private emitOne(o: number, y: number, union: RowUnion): void {
    const d = this.data;
    const ax = d[o]!, ay = d[o + 1]!, bx = d[o + 2]!, by = d[o + 3]!;
    const ux = d[o + 4]!, uy = d[o + 5]!, len = d[o + 6]!, r = d[o + 7]!;
    let lo = Infinity;
    let hi = -Infinity;
    const r2 = r * r;
    const da = r2 - (y - ay) * (y - ay);
    if (da >= 0) { const h = Math.sqrt(da); lo = ax - h; hi = ax + h; }
    const db = r2 - (y - by) * (y - by);
    if (db >= 0) { const h = Math.sqrt(db); lo = Math.min(lo, bx - h); hi = Math.max(hi, bx + h); }
    // Rectangle: 0 ≤ u·(p − a) ≤ len and |n·(p − a)| ≤ r, with n = (−uy, ux); each is linear in
    // the offset X = x − ax, so each bounds X to an interval, intersected here without allocating.
    const ry = y - ay;
    let xa = -Infinity;
    let xb = Infinity;
    if (Math.abs(ux) > 1e-12) {
      const p = -(uy * ry) / ux, q = (len - uy * ry) / ux;
      xa = Math.min(p, q); xb = Math.max(p, q);
    } else if (uy * ry < 0 || uy * ry > len) xb = -Infinity;
    if (Math.abs(uy) > 1e-12) {
      const p = (ux * ry - r) / uy, q = (ux * ry + r) / uy;
      xa = Math.max(xa, Math.min(p, q)); xb = Math.min(xb, Math.max(p, q));
    } else if (Math.abs(ux * ry) > r) xb = -Infinity;
    if (xa <= xb) { lo = Math.min(lo, ax + xa); hi = Math.max(hi, ax + xb); }
    if (lo <= hi) union.add(firstCol(lo), endCol(hi));
  }
}
