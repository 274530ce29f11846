/**
 * The arithmetic of the hand-drawn SVG charts: nice axis maxima, ticks, value → pixel, and band
 * positions that run right-to-left when the page does (ar, ckb), so time reads in the page's direction.
 */

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `max` (at least 1), for a clean top tick. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** `count` + 1 evenly spaced tick values from 0 to `max`, whole numbers only when `max` allows. */
export function ticks(max: number, count = 4): number[] {
  const step = max / count;
  const whole = Number.isInteger(step) || max < count ? step : Math.round(step);
  return Array.from({ length: count + 1 }, (_, i) => i * whole).filter((v, i, all) => v <= max && all.indexOf(v) === i);
}

/** Maps 0..max onto 0..length pixels. */
export const scale = (max: number, length: number) => (v: number): number => (max <= 0 ? 0 : (Math.max(0, v) / max) * length);

export interface Band {
  /** Left edge in SVG coordinates (SVG x always grows to the right). */
  x: number;
  width: number;
}

/**
 * The i-th of n bands across `length` pixels with a gap between them; in right-to-left pages the
 * first band sits at the right edge.
 */
export function band(i: number, n: number, length: number, rtl: boolean, gapShare = 0.2): Band {
  const slot = length / Math.max(1, n);
  const width = slot * (1 - gapShare);
  const slotIndex = rtl ? n - 1 - i : i;
  return { x: slotIndex * slot + (slot - width) / 2, width };
}

/** Stacks values into [start, end) segments, in order. */
export function stack(values: readonly number[]): { start: number; end: number }[] {
  let at = 0;
  return values.map((v) => {
    const start = at;
    at += Math.max(0, v);
    return { start, end: at };
  });
}
