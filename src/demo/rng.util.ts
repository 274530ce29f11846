import { seededRandom } from '../core/random/seeded-random.ts';

/**
 * A seeded random source for the demo scenario: the same seed gives the same scenario on every
 * machine, so screenshots, tests and training material stay comparable.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast and well distributed enough for synthetic data (not for secrets). */
export function mulberry32(seed: number): Rng {
  const next = seededRandom(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
  };
  return rng;
}

/**
 * A casualty count with the heavy tail of real conflict data: most incidents harm nobody or one or
 * two people, a few harm many. Discrete Pareto-like: P(n ≥ k) falls roughly as k^-alpha.
 */
export function heavyTailCount(rng: Rng, pZero: number, alpha = 1.6, max = 40): number {
  if (rng.chance(pZero)) return 0;
  const u = 1 - rng.next();
  return Math.min(max, Math.floor(Math.pow(u, -1 / alpha)));
}
