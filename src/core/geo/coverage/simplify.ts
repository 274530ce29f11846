/**
 * Douglas–Peucker simplification of a closed ring [x0, y0, x1, y1, …] (not repeated at the end).
 * The ring is cut at its first point and the point farthest from it, and each half simplified;
 * iterative, so a 100,000-corner outline cannot overflow the stack. A ring that would collapse
 * below a triangle is returned unchanged.
 */
export function simplifyRing(ring: number[], tolerance: number): number[] {
  const n = ring.length / 2;
  if (n <= 4 || tolerance <= 0) return ring;
  // Closed copy, so both halves are plain index ranges.
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  let far = 0;
  let farD = -1;
  for (let i = 0; i < n; i++) {
    xs[i] = ring[2 * i]!;
    ys[i] = ring[2 * i + 1]!;
    const d = (xs[i]! - xs[0]!) ** 2 + (ys[i]! - ys[0]!) ** 2;
    if (d > farD) { farD = d; far = i; }
  }
  xs[n] = xs[0]!;
  ys[n] = ys[0]!;
  const keep = new Uint8Array(n + 1);
  keep[0] = keep[far] = 1;
  const stack = [0, far, far, n];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const ax = xs[a]!, ay = ys[a]!;
    const dx = xs[b]! - ax, dy = ys[b]! - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = xs[i]! - ax, py = ys[i]! - ay;
      const cross = px * dy - py * dx;
      const d2 = len2 > 0 ? (cross * cross) / len2 : px * px + py * py;
      if (d2 > bestD) { bestD = d2; best = i; }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push(a, best, best, b);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(xs[i]!, ys[i]!);
  return out.length >= 6 ? out : ring;
}
