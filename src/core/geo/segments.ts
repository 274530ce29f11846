/**
 * Finds where the rings of one polygon touch or cross, for validation. A sweep along x: segments
 * sorted by their left end, each compared only with the segments still open at that x whose y
 * ranges overlap. Typical outlines (a 20,000-vertex circle, an administrative boundary) keep few
 * segments open at once, so this runs in about O(n log n). Thousands of long edges side by side
 * (a comb) would take O(n²), seconds to minutes of CPU from one request, so the work is capped.
 */
import type { Ring } from './types.ts';

export interface RingContact {
  /** The ring whose segment is reported (the later ring when two rings meet). */
  ring: number;
  /** Index in that ring of the segment's first position. */
  vertex: number;
  /** Equal to `ring` when the ring meets itself. */
  otherRing: number;
  at: [number, number];
}

interface Segment {
  ax: number; ay: number; bx: number; by: number;
  minX: number; maxX: number; minY: number; maxY: number;
  ring: number;
  vertex: number;
  /** Position in the ring's list of non-degenerate segments, to recognise neighbours. */
  seq: number;
  count: number;
}

/**
 * Open segments visited before giving up. A real 100,000-vertex boundary crossed by ~100 edges at
 * any x needs about 10 million (~0.1 s); a 100,000-vertex comb would need billions.
 */
const WORK_LIMIT = 20_000_000;
export const TOO_COMPLEX = 'too-complex';

type Contact = { kind: 'crossing' | 'overlap' | 'touch'; at: [number, number] };

/** The first contact that makes the rings invalid, or undefined. Rings must be closed. */
export function findRingContact(rings: Ring[]): RingContact | typeof TOO_COMPLEX | undefined {
  const table = new SegmentTable(rings);
  const open: number[] = [];
  let work = 0;
  for (const i of table.byMinX()) {
    work += open.length;
    if (work > WORK_LIMIT) return TOO_COMPLEX;
    const s = table.segment(i);
    let kept = 0;
    for (const j of open) {
      if (table.maxX[j]! < s.minX) continue;
      open[kept++] = j;
      if (table.maxY[j]! < s.minY || table.minY[j]! > s.maxY) continue;
      const found = invalidContact(table.segment(j), s);
      if (found) return found;
    }
    open.length = kept;
    open.push(i);
  }
  return undefined;
}

/**
 * The segments of all rings in parallel typed arrays. A 100,000-vertex polygon then builds and
 * sorts in milliseconds, where as many long-lived objects keep the garbage collector busy; the
 * few segments that get compared are copied out as objects.
 */
class SegmentTable {
  readonly ax: Float64Array; readonly ay: Float64Array; readonly bx: Float64Array; readonly by: Float64Array;
  readonly maxX: Float64Array; readonly minY: Float64Array; readonly maxY: Float64Array;
  readonly ring: Int32Array; readonly vertex: Int32Array; readonly seq: Int32Array; readonly count: Int32Array;
  private length = 0;

  constructor(rings: Ring[]) {
    const capacity = rings.reduce((n, ring) => n + ring.length, 0);
    const f64 = (): Float64Array => new Float64Array(capacity);
    const i32 = (): Int32Array => new Int32Array(capacity);
    this.ax = f64(); this.ay = f64(); this.bx = f64(); this.by = f64();
    this.maxX = f64(); this.minY = f64(); this.maxY = f64();
    this.ring = i32(); this.vertex = i32(); this.seq = i32(); this.count = i32();
    rings.forEach((ring, r) => this.addRing(ring, r));
  }

  private addRing(ring: Ring, r: number): void {
    const first = this.length;
    let start = 0;
    // Repeated consecutive positions make zero-length segments, which are skipped, not errors.
    for (let i = 1; i < ring.length; i++) {
      const a = ring[start]!;
      const b = ring[i]!;
      const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
      if (ax === bx && ay === by) continue;
      const k = this.length++;
      this.ax[k] = ax; this.ay[k] = ay; this.bx[k] = bx; this.by[k] = by;
      this.maxX[k] = Math.max(ax, bx); this.minY[k] = Math.min(ay, by); this.maxY[k] = Math.max(ay, by);
      this.ring[k] = r; this.vertex[k] = start; this.seq[k] = k - first;
      start = i;
    }
    this.count.fill(this.length - first, first, this.length);
  }

  byMinX(): Uint32Array {
    const minX = (k: number): number => Math.min(this.ax[k]!, this.bx[k]!);
    return new Uint32Array(this.length).map((_, k) => k).sort((a, b) => minX(a) - minX(b));
  }

  segment(k: number): Segment {
    const ax = this.ax[k]!, ay = this.ay[k]!, bx = this.bx[k]!, by = this.by[k]!;
    return {
      ax, ay, bx, by,
      minX: Math.min(ax, bx), maxX: this.maxX[k]!, minY: this.minY[k]!, maxY: this.maxY[k]!,
      ring: this.ring[k]!, vertex: this.vertex[k]!, seq: this.seq[k]!, count: this.count[k]!,
    };
  }
}

function invalidContact(s: Segment, t: Segment): RingContact | undefined {
  const contact = contactOf(s, t);
  if (!contact || !breaksPolygon(s, t, contact.kind)) return undefined;
  const [later, earlier] = t.ring >= s.ring ? [t, s] : [s, t];
  return { ring: later.ring, vertex: later.vertex, otherRing: earlier.ring, at: contact.at };
}

function breaksPolygon(s: Segment, t: Segment, kind: Contact['kind']): boolean {
  // Separate rings (a hole and its outer ring) may touch at a single point.
  if (s.ring !== t.ring) return kind !== 'touch';
  // Neighbours in a ring always share a vertex; only folding back along each other is wrong.
  if (areNeighbours(s, t)) return kind === 'overlap';
  return true;
}

const areNeighbours = (s: Segment, t: Segment): boolean => {
  const d = Math.abs(s.seq - t.seq);
  return d === 1 || d === s.count - 1;
};

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** How two segments meet, if they do: a proper crossing, a shared stretch, or a single touch. */
function contactOf(s: Segment, t: Segment): Contact | undefined {
  const d1 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d2 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  const d3 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d4 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  if ((d1 !== 0 && d1 === d2) || (d3 !== 0 && d3 === d4)) return undefined;
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) return collinearContact(s, t);
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return { kind: 'crossing', at: crossingPoint(s, t) };
  const at: [number, number] = d1 === 0 ? [s.ax, s.ay] : d2 === 0 ? [s.bx, s.by] : d3 === 0 ? [t.ax, t.ay] : [t.bx, t.by];
  return { kind: 'touch', at };
}

function collinearContact(s: Segment, t: Segment): Contact | undefined {
  // Compare along the axis on which s is longer, so a vertical segment is measured in y.
  const useX = s.maxX - s.minX >= s.maxY - s.minY;
  const lo = useX ? Math.max(s.minX, t.minX) : Math.max(s.minY, t.minY);
  const hi = useX ? Math.min(s.maxX, t.maxX) : Math.min(s.maxY, t.maxY);
  if (lo > hi) return undefined;
  const at = [s.ax, s.ay, s.bx, s.by, t.ax, t.ay, t.bx, t.by];
  const k = [0, 2, 4, 6].find((i) => at[useX ? i : i + 1] === lo) ?? 0;
  return { kind: lo < hi ? 'overlap' : 'touch', at: [at[k]!, at[k + 1]!] };
}

function crossingPoint(s: Segment, t: Segment): [number, number] {
  const rx = s.bx - s.ax;
  const ry = s.by - s.ay;
  const qx = t.bx - t.ax;
  const qy = t.by - t.ay;
  const u = ((t.ax - s.ax) * qy - (t.ay - s.ay) * qx) / (rx * qy - ry * qx);
  return [s.ax + u * rx, s.ay + u * ry];
}
