/**
 * Polygons, row by row: the crossings of the row's centre line with the edges, sorted and taken in
 * pairs (even-odd, so holes fall out), give spans of cells whose centres are inside. Edges enter
 * and leave through the same active-set sweep as circles, so a 10,000-vertex boundary costs only
 * its crossings per row.
 */
import { endCol, firstCol, type GridPolygon } from './grid.ts';
import { ActiveSet } from './row-order.ts';
import type { RowUnion } from './span-union.ts';

export class PolygonRows {
  /** Per edge: x1, y1, x2, y2. */
  private readonly edges: Float64Array;
  private readonly set: ActiveSet;
  private readonly xs: Float64Array;
  readonly firstRow: number;
  readonly lastRow: number;

  constructor(polygon: GridPolygon, height: number) {
    const count = polygon.rings.reduce((n, r) => n + r.length / 2 - 1, 0);
    this.edges = new Float64Array(count * 4);
    const first = new Int32Array(count);
    const last = new Int32Array(count);
    let e = 0;
    for (const ring of polygon.rings) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const y1 = ring[i + 1]!, y2 = ring[i + 3]!;
        this.edges.set([ring[i]!, y1, ring[i + 2]!, y2], e * 4);
        // Rows whose centre y satisfies min ≤ y < max, the half-open rule the crossing test uses.
        first[e] = Math.ceil(Math.min(y1, y2) - 0.5);
        last[e] = Math.min(height - 1, Math.ceil(Math.max(y1, y2) - 0.5) - 1);
        e++;
      }
    }
    this.set = new ActiveSet(first, last, height);
    this.xs = new Float64Array(count);
    this.firstRow = Math.max(0, first.reduce((m, f) => Math.min(m, f), Infinity));
    this.lastRow = last.reduce((m, l) => Math.max(m, l), -1);
  }

  emitRow(row: number, union: RowUnion): void {
    const active = this.set.advance(row);
    const y = row + 0.5;
    const { edges, xs } = this;
    let n = 0;
    for (let k = 0; k < this.set.size; k++) {
      const o = active[k]! * 4;
      const x1 = edges[o]!, y1 = edges[o + 1]!, x2 = edges[o + 2]!, y2 = edges[o + 3]!;
      if (y1 > y === y2 > y) continue;
      xs[n++] = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
    }
    const sorted = xs.subarray(0, n).sort();
    for (let i = 0; i + 1 < n; i += 2) union.add(firstCol(sorted[i]!), endCol(sorted[i + 1]!));
  }
}
