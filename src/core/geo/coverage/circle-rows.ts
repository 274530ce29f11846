/**
 * Circles, row by row: on each row the cells whose centres lie inside a circle form one exact
 * span, so the covered area converges on πr² as the cells shrink (point sampling, DESIGN §6).
 * This is the hottest loop of the engine (10,000 circles make 2 million row spans), so the active
 * circles are kept as interleaved copies, compacted as they pass, and the spans are written into
 * the row union directly.
 */
import type { GridCircle } from './grid.ts';
import { orderByRow } from './row-order.ts';
import type { RowUnion } from './span-union.ts';

/** Per active circle: centre u, centre v, radius², last row. */
const STRIDE = 4;

export class CircleRows {
  /** Circles sorted by first row, as [u, v, r², last row]. */
  private readonly sorted: Float64Array;
  private readonly first: Int32Array;
  private readonly active: Float64Array;
  private size = 0;
  private next = 0;

  constructor(circles: readonly GridCircle[], height: number) {
    const n = circles.length;
    const firstOf = new Int32Array(n);
    circles.forEach((c, i) => { firstOf[i] = Math.max(0, Math.ceil(c.v - c.r - 0.5)); });
    this.sorted = new Float64Array(n * STRIDE);
    this.first = new Int32Array(n);
    orderByRow(firstOf, height).forEach((i, k) => {
      const c = circles[i]!;
      const o = k * STRIDE;
      this.first[k] = firstOf[i]!;
      this.sorted[o] = c.u;
      this.sorted[o + 1] = c.v;
      this.sorted[o + 2] = c.r * c.r;
      this.sorted[o + 3] = Math.min(height - 1, Math.floor(c.v + c.r - 0.5));
    });
    this.active = new Float64Array(n * STRIDE);
  }

  /** Rows must come in increasing order. */
  emitRow(row: number, union: RowUnion): void {
    const { active, sorted, first } = this;
    while (this.next < first.length && first[this.next]! <= row) {
      const from = this.next++ * STRIDE;
      const to = this.size++ * STRIDE;
      for (let i = 0; i < STRIDE; i++) active[to + i] = sorted[from + i]!;
    }
    const { maxEnd, bits, summary, width } = union;
    const y = row + 0.5;
    let kept = 0;
    for (let k = 0; k < this.size; k++) {
      const o = k * STRIDE;
      if (active[o + 3]! < row) continue;
      const x = active[o]!, cy = active[o + 1]!, r2 = active[o + 2]!;
      if (kept !== k) {
        const p = kept * STRIDE;
        active[p] = x; active[p + 1] = cy; active[p + 2] = r2; active[p + 3] = active[o + 3]!;
      }
      kept++;
      const dy = y - cy;
      const h2 = r2 - dy * dy;
      if (h2 < 0) continue;
      const h = Math.sqrt(h2);
      let a = Math.ceil(x - h - 0.5);
      let b = Math.floor(x + h - 0.5) + 1;
      if (a < 0) a = 0;
      if (b > width) b = width;
      if (b <= a) continue;
      if (b > maxEnd[a]!) maxEnd[a] = b;
      const w = a >>> 5;
      bits[w]! |= 1 << (a & 31);
      summary[w >>> 5]! |= 1 << (w & 31);
    }
    this.size = kept;
  }
}
