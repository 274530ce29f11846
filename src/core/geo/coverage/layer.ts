/** A layer: the union of some circles, capsules and polygons, produced one row at a time. */
import { CapsuleRows } from './capsule-rows.ts';
import { withoutContained } from './circle-cull.ts';
import { CircleRows } from './circle-rows.ts';
import type { LayerShapes } from './grid.ts';
import { PolygonRows } from './polygon-rows.ts';
import { RowUnion } from './span-union.ts';

export class Layer {
  readonly union: RowUnion;
  readonly empty: boolean;
  private readonly circles: CircleRows | null;
  private readonly capsules: CapsuleRows | null;
  private readonly polygons: PolygonRows[];

  constructor(shapes: LayerShapes, width: number, height: number) {
    this.union = new RowUnion(width);
    this.circles = shapes.circles.length ? new CircleRows(withoutContained(shapes.circles), height) : null;
    this.capsules = shapes.capsules.length ? new CapsuleRows(shapes.capsules, height) : null;
    this.polygons = shapes.polygons.map((p) => new PolygonRows(p, height));
    this.empty = !this.circles && !this.capsules && this.polygons.length === 0;
  }

  /** The merged intervals of `row` into `union.out`; returns how many. Rows in increasing order. */
  row(row: number): number {
    this.circles?.emitRow(row, this.union);
    this.capsules?.emitRow(row, this.union);
    for (const p of this.polygons) if (row >= p.firstRow && row <= p.lastRow) p.emitRow(row, this.union);
    return this.union.flush();
  }
}
