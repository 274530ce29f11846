/**
 * The row sweep: each layer's merged intervals on a row are combined into segments of equal cell
 * class, written with `fill`, counted, and collected as runs of gap cells and of strip cells.
 * One pass over the rows; no pass over individual cells.
 */
import type { Layer } from './layer.ts';
import type { RunList } from './run-list.ts';

/** Cell class bits. */
export const PESHMERGA = 0x01;
export const FEDERAL = 0x02;
export const STRIP = 0x04;
export const OUTSIDE = 0x80;
/** A gap cell: in the region and covered by neither party. */
export const GAP_MASK = OUTSIDE | PESHMERGA | FEDERAL;
export const STRIP_MASK = OUTSIDE | STRIP;

/** Layer slots, in the order of `RasterLayers.list`. */
export const Slot = { Region: 0, Peshmerga: 1, Federal: 2, NearPeshmerga: 3, NearFederal: 4, Held: 5 } as const;
type SlotIndex = (typeof Slot)[keyof typeof Slot];

export interface RasterLayers {
  /** Indexed by `Slot`; null where the job has no such layer (no force lines: no strip). */
  list: (Layer | null)[];
}

export interface RasterOutput {
  /** Cells counted by class value. */
  counts: Float64Array;
  gaps: RunList;
  strip: RunList;
}

// Class of a cell from the bitmask of the layers it is in.
const CLASS_OF = Array.from({ length: 64 }, (_, s) => {
  const has = (slot: SlotIndex): boolean => (s & (1 << slot)) !== 0;
  if (!has(Slot.Region)) return OUTSIDE;
  const inStrip = has(Slot.NearPeshmerga) && has(Slot.NearFederal) && !has(Slot.Held);
  return (has(Slot.Peshmerga) ? PESHMERGA : 0) | (has(Slot.Federal) ? FEDERAL : 0) | (inStrip ? STRIP : 0);
});

export function rasterise(cells: Uint8Array, width: number, height: number, layers: RasterLayers, gaps: RunList, strip: RunList): RasterOutput {
  const counts = new Float64Array(256);
  const used = layers.list.flatMap((l, slot) => (l && !l.empty ? [{ layer: l, bit: 1 << slot }] : []));
  const sweep: RowSweep = { outs: used.map((u) => u.layer.union.out), bits: used.map((u) => u.bit), pos: new Int32Array(used.length), ends: new Int32Array(used.length) };
  gaps.reset(height);
  strip.reset(height);
  for (let row = 0; row < height; row++) {
    for (let k = 0; k < used.length; k++) { sweep.ends[k] = used[k]!.layer.row(row) * 2; sweep.pos[k] = 0; }
    gaps.beginRow(row);
    strip.beginRow(row);
    sweepRow(cells, row, width, sweep, counts, gaps, strip);
  }
  gaps.finish(height);
  strip.finish(height);
  return { counts, gaps, strip };
}

/** Per used layer: its interval boundaries on the row, its slot bit, and how far the sweep is. */
interface RowSweep { outs: Int32Array[]; bits: number[]; pos: Int32Array; ends: Int32Array }

// pos[k] counts interval boundaries passed in layer k: even = outside, odd = inside.
function sweepRow(cells: Uint8Array, row: number, width: number, sweep: RowSweep, counts: Float64Array, gaps: RunList, strip: RunList): void {
  const { outs, bits, pos, ends } = sweep;
  const layers = outs.length;
  const base = row * width;
  let x = 0;
  let state = 0;
  let gapStart = -1;
  let gapStrip = 0;
  let stripStart = -1;
  while (x < width) {
    let next = width;
    for (let k = 0; k < layers; k++) {
      if (pos[k]! < ends[k]!) { const b = outs[k]![pos[k]!]!; if (b < next) next = b; }
    }
    if (next > x) {
      const v = CLASS_OF[state]!;
      cells.fill(v, base + x, base + next);
      counts[v]! += next - x;
      if ((v & GAP_MASK) === 0) {
        if (gapStart < 0) { gapStart = x; gapStrip = 0; }
        if (v & STRIP) gapStrip += next - x;
      } else if (gapStart >= 0) { gaps.push(row, gapStart, x, gapStrip); gapStart = -1; }
      if ((v & STRIP_MASK) === STRIP) { if (stripStart < 0) stripStart = x; } else if (stripStart >= 0) { strip.push(row, stripStart, x, 0); stripStart = -1; }
      x = next;
    }
    for (let k = 0; k < layers; k++) {
      const out = outs[k]!;
      while (pos[k]! < ends[k]! && out[pos[k]!] === x) {
        state ^= bits[k]!;
        pos[k]!++;
      }
    }
  }
  if (gapStart >= 0) gaps.push(row, gapStart, width, gapStrip);
  if (stripStart >= 0) strip.push(row, stripStart, width, 0);
}
