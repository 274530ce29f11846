/**
 * Connected components of runs (4-connectivity: cells that touch only at a corner are apart, the
 * same rule the outline tracer follows). Union-find over runs of neighbouring rows, then per
 * component its cell count, centre and strip cells, all from run lengths.
 */
import type { RunList } from './run-list.ts';

export interface Components {
  count: number;
  /** Component of each run; components are numbered in row-major order of their first run. */
  ofRun: Int32Array;
  cells: Float64Array;
  /** Sums of the cell-centre coordinates in grid units, for the centroid. */
  sumU: Float64Array;
  sumV: Float64Array;
  stripCells: Float64Array;
}

export function labelRuns(runs: RunList, height: number): Components {
  const parent = new Int32Array(runs.length);
  for (let i = 0; i < runs.length; i++) parent[i] = i;
  for (let row = 1; row < height; row++) joinRows(runs, parent, row);
  const ofRun = new Int32Array(runs.length);
  let count = 0;
  for (let i = 0; i < runs.length; i++) {
    const root = find(parent, i);
    // Roots are always the smallest index of their set, so they are numbered first.
    ofRun[i] = root === i ? count++ : ofRun[root]!;
  }
  return { count, ofRun, ...measure(runs, ofRun, count) };
}

function joinRows(runs: RunList, parent: Int32Array, row: number): void {
  let i = runs.rowStart[row - 1]!;
  const iEnd = runs.rowStart[row]!;
  let j = iEnd;
  const jEnd = runs.rowStart[row + 1]!;
  const { start, end } = runs;
  while (i < iEnd && j < jEnd) {
    if (start[i]! < end[j]! && start[j]! < end[i]!) union(parent, i, j);
    if (end[i]! < end[j]!) i++;
    else j++;
  }
}

function find(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r]!;
  while (parent[i] !== r) { const next = parent[i]!; parent[i] = r; i = next; }
  return r;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

function measure(runs: RunList, ofRun: Int32Array, count: number): Omit<Components, 'count' | 'ofRun'> {
  const cells = new Float64Array(count);
  const sumU = new Float64Array(count);
  const sumV = new Float64Array(count);
  const stripCells = new Float64Array(count);
  for (let i = 0; i < runs.length; i++) {
    const c = ofRun[i]!;
    const a = runs.start[i]!, b = runs.end[i]!;
    const len = b - a;
    cells[c]! += len;
    sumU[c]! += (len * (a + b)) / 2;
    sumV[c]! += len * (runs.row[i]! + 0.5);
    stripCells[c]! += runs.stripCells[i]!;
  }
  return { cells, sumU, sumV, stripCells };
}
