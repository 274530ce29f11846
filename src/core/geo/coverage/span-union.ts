/**
 * Union of the column spans one layer puts on one row, without sorting: each span is recorded at
 * its start column (the furthest end seen there, and a bit in a bitset, with a summary bit per
 * non-empty bitset word), and the flush walks the set bits in order. Cost per row: the spans added
 * plus the non-empty words, however much the spans overlap (10,000 circles cover the 40,000 km²
 * test region 22 times over).
 */
export class RowUnion {
  readonly width: number;
  /** The merged intervals of the last flush: [start0, end0, start1, end1, …], `count` of them. */
  readonly out: Int32Array;
  count = 0;
  /** Furthest end recorded at each start column; a bit per start column; a bit per non-empty word. */
  readonly maxEnd: Int32Array;
  readonly bits: Uint32Array;
  readonly summary: Uint32Array;

  constructor(width: number) {
    this.width = width;
    this.maxEnd = new Int32Array(width);
    this.bits = new Uint32Array((width >>> 5) + 1);
    this.summary = new Uint32Array((this.bits.length >>> 5) + 1);
    this.out = new Int32Array(width + 2);
  }

  add(start: number, end: number): void {
    const a = start < 0 ? 0 : start;
    const b = end > this.width ? this.width : end;
    if (b <= a) return;
    if (b > this.maxEnd[a]!) this.maxEnd[a] = b;
    const w = a >>> 5;
    this.bits[w]! |= 1 << (a & 31);
    this.summary[w >>> 5]! |= 1 << (w & 31);
  }

  /** Merges the spans added since the last flush into `out` and clears the row state. */
  flush(): number {
    const { bits, summary, maxEnd, out } = this;
    let n = 0;
    let curStart = -1;
    let curEnd = -1;
    for (let sw = 0; sw < summary.length; sw++) {
      let s = summary[sw]!;
      if (s === 0) continue;
      summary[sw] = 0;
      while (s !== 0) {
        const lowWord = s & -s;
        s ^= lowWord;
        const w = (sw << 5) + 31 - Math.clz32(lowWord);
        let word = bits[w]!;
        bits[w] = 0;
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          const a = (w << 5) + 31 - Math.clz32(low);
          const b = maxEnd[a]!;
          maxEnd[a] = 0;
          if (a > curEnd) {
            if (curEnd >= 0) { out[n++] = curStart; out[n++] = curEnd; }
            curStart = a;
            curEnd = b;
          } else if (b > curEnd) curEnd = b;
        }
      }
    }
    if (curEnd >= 0) { out[n++] = curStart; out[n++] = curEnd; }
    this.count = n >> 1;
    return this.count;
  }
}
