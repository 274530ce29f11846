/**
 * Shapes enter a row sweep in the order of their first row: a counting sort (stable, so the
 * order is deterministic) and an active list that drops shapes whose last row has passed.
 */
export class ActiveSet {
  private readonly order: Int32Array;
  private readonly last: Int32Array;
  private readonly first: Int32Array;
  private readonly active: Int32Array;
  private next = 0;
  size = 0;

  /** Shapes with last < first (entirely off the grid) never become active. */
  constructor(first: Int32Array, last: Int32Array, height: number) {
    this.first = first;
    this.last = last;
    this.order = orderByRow(first, height);
    this.active = new Int32Array(first.length);
  }

  /** The shapes to visit on `row` (rows must be visited in increasing order): `items()[0..size)`. */
  advance(row: number): Int32Array {
    const { active, last, first, order } = this;
    let n = 0;
    for (let k = 0; k < this.size; k++) {
      const s = active[k]!;
      if (last[s]! >= row) active[n++] = s;
    }
    while (this.next < order.length && first[order[this.next]!]! <= row) {
      const s = order[this.next++]!;
      if (last[s]! >= row) active[n++] = s;
    }
    this.size = n;
    return active;
  }
}

/** Indices sorted by first row (counting sort, stable: equal rows keep their input order). */
export function orderByRow(first: Int32Array, height: number): Int32Array {
  const counts = new Int32Array(height + 1);
  for (const f of first) counts[clampRow(f, height)]!++;
  let sum = 0;
  for (let r = 0; r <= height; r++) {
    const c = counts[r]!;
    counts[r] = sum;
    sum += c;
  }
  const order = new Int32Array(first.length);
  first.forEach((f, i) => { order[counts[clampRow(f, height)]!++] = i; });
  return order;
}

const clampRow = (r: number, height: number): number => (r < 0 ? 0 : r > height ? height : r);
