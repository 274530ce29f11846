/**
 * Buffers kept between jobs: the cell grid (one byte per cell) and the run lists. A job of the
 * same size reuses them, and a much smaller one drops them, so memory stays bounded by the
 * largest recent job instead of growing with garbage.
 */
import { RunList } from './run-list.ts';

let cells = new Uint8Array(0);
export const gapRuns = new RunList();
export const stripRuns = new RunList();

export function cellBuffer(size: number): Uint8Array {
  if (cells.length < size || cells.length > 2 * size) cells = new Uint8Array(size);
  return cells.subarray(0, size);
}
