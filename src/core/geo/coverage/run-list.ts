/**
 * Horizontal runs of cells, row by row, in growable typed arrays: the form in which gaps and the
 * strip are labelled, measured and located, without a pass over every cell.
 */
export class RunList {
  start: Int32Array = new Int32Array(1024);
  end: Int32Array = new Int32Array(1024);
  row: Int32Array = new Int32Array(1024);
  /** Cells of the run that are also in the vacuum strip. */
  stripCells: Int32Array = new Int32Array(1024);
  /** Runs of row j are [rowStart[j], rowStart[j + 1]). */
  rowStart: Int32Array = new Int32Array(1);
  length = 0;

  reset(height: number): void {
    this.length = 0;
    if (this.rowStart.length < height + 1) this.rowStart = new Int32Array(height + 1);
  }

  beginRow(row: number): void {
    this.rowStart[row] = this.length;
  }

  finish(height: number): void {
    this.rowStart[height] = this.length;
  }

  push(row: number, a: number, b: number, stripCells: number): void {
    if (this.length === this.start.length) this.grow();
    const k = this.length++;
    this.start[k] = a;
    this.end[k] = b;
    this.row[k] = row;
    this.stripCells[k] = stripCells;
  }

  /** Index of the run of `row` containing column `col`, or −1. */
  find(row: number, col: number): number {
    let lo = this.rowStart[row]!;
    let hi = this.rowStart[row + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.end[mid]! <= col) lo = mid + 1;
      else if (this.start[mid]! > col) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The first run of `row` ending after column `col`. */
  firstEndingAfter(row: number, col: number): number {
    let lo = this.rowStart[row]!;
    let hi = this.rowStart[row + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.end[mid]! <= col) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const copy = (a: Int32Array): Int32Array => { const b = new Int32Array(n); b.set(a); return b; };
    this.start = copy(this.start);
    this.end = copy(this.end);
    this.row = copy(this.row);
    this.stripCells = copy(this.stripCells);
  }
}
