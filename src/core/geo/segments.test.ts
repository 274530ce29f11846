import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findRingContact, TOO_COMPLEX, type RingContact } from './segments.ts';
import type { Ring } from './types.ts';

const contactIn = (rings: Ring[]): RingContact | undefined => {
  const c = findRingContact(rings);
  assert.notEqual(c, TOO_COMPLEX);
  return c === TOO_COMPLEX ? undefined : c;
};

/** Long parallel teeth, all spanning the same x range: the sweep's worst case. */
const comb = (teeth: number): Ring => {
  const ring: Ring = [];
  for (let i = 0; i < teeth; i++) ring.push([0, i * 2e-5], [1, i * 2e-5 + 1e-5]);
  ring.push([-0.1, teeth * 2e-5], [-0.1, -0.1], [0, 0]);
  return ring;
};

const square: Ring = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];

const circle = (n: number, cx = 0, cy = 0, r = 1): Ring => {
  const ring: Ring = Array.from({ length: n }, (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
  return [...ring, ring[0]!];
};

describe('findRingContact: one ring', () => {
  it('finds nothing in a simple ring, whichever way it runs', () => {
    assert.equal(contactIn([square]), undefined);
    assert.equal(contactIn([[...square].reverse()]), undefined);
  });

  it('finds the crossing of a bow-tie and where it is', () => {
    const c = contactIn([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]);
    assert.deepEqual(c, { ring: 0, otherRing: 0, vertex: c?.vertex, at: [1, 1] });
    assert.ok(c && [0, 2].includes(c.vertex));
  });

  it('accepts a vertex in the middle of a straight edge', () => {
    assert.equal(contactIn([[[0, 0], [2, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]), undefined);
    assert.equal(contactIn([[[0, 0], [4, 0], [4, 2], [4, 4], [0, 4], [0, 2], [0, 0]]]), undefined);
  });

  it('reports a spike that folds back along its own edge', () => {
    // 4,0 → 6,0 → 5,0 walks back over the edge it just drew.
    const c = contactIn([[[0, 0], [6, 0], [5, 0], [4, 4], [0, 4], [0, 0]]]);
    assert.equal(c?.ring, 0);
    assert.equal(c?.otherRing, 0);
  });

  it('reports a vertical spike too', () => {
    assert.ok(contactIn([[[0, 0], [4, 0], [4, 4], [4, 6], [4, 5], [0, 4], [0, 0]]]));
  });

  it('reports a ring that touches itself at a vertex', () => {
    // Figure eight through [2, 2], visited twice.
    const c = contactIn([[[0, 0], [2, 2], [4, 0], [4, 4], [2, 2], [0, 4], [0, 0]]]);
    assert.deepEqual(c?.at, [2, 2]);
  });

  it('reports a ring whose vertex lands on a non-adjacent edge', () => {
    const c = contactIn([[[0, 0], [4, 0], [4, 4], [2, 0.0], [0, 4], [0, 0]]]);
    assert.deepEqual(c?.at, [2, 0]);
  });

  it('reports a non-adjacent collinear overlap', () => {
    assert.ok(contactIn([[[0, 0], [4, 0], [4, 1], [3, 1], [3, 0], [1, 0], [1, -1], [0, -1], [0, 0]]]));
  });

  it('skips repeated consecutive positions and reports original indices', () => {
    assert.equal(contactIn([[[0, 0], [0, 0], [4, 0], [4, 0], [4, 4], [0, 4], [0, 0], [0, 0]]]), undefined);
    const c = contactIn([[[0, 0], [0, 0], [0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]);
    assert.ok(c && [2, 4].includes(c.vertex), `vertex ${c?.vertex}`);
  });
});

describe('findRingContact: several rings', () => {
  const hole: Ring = [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]];

  it('accepts a hole inside the shell', () => {
    assert.equal(contactIn([square, hole]), undefined);
  });

  it('accepts a hole touching the shell at one point', () => {
    assert.equal(contactIn([square, [[0, 2], [2, 3], [2, 1], [0, 2]]]), undefined);
    assert.equal(contactIn([square, [[1, 0], [2, 1], [3, 0.5], [1, 0]]]), undefined);
  });

  it('reports a hole crossing the shell, on the hole', () => {
    const c = contactIn([square, [[1, 1], [1, 3], [5, 3], [5, 1], [1, 1]]]);
    assert.equal(c?.ring, 1);
    assert.equal(c?.otherRing, 0);
    assert.equal(c?.at[0], 4);
  });

  it('reports a hole sharing part of an edge with the shell', () => {
    const c = contactIn([square, [[1, 0], [3, 0], [2, 1], [1, 0]]]);
    assert.equal(c?.ring, 1);
    assert.equal(c?.otherRing, 0);
  });

  it('reports two holes that cross', () => {
    const c = contactIn([square, [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]], [[1.5, 1.5], [1.5, 3], [3, 3], [3, 1.5], [1.5, 1.5]]]);
    assert.equal(c?.ring, 2);
    assert.equal(c?.otherRing, 1);
  });
});

describe('findRingContact: speed', () => {
  it('handles a 20,000-vertex circle with a 20,000-vertex hole in well under a second', () => {
    const rings = [circle(20_000, 44.39, 35.47, 0.2), circle(20_000, 44.39, 35.47, 0.1)];
    const start = performance.now();
    assert.equal(contactIn(rings), undefined);
    const ms = performance.now() - start;
    // Typically 20–200 ms; the margin absorbs a loaded test machine.
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it('still finds a single crossing hidden in a 100,000-vertex ring', () => {
    const ring = circle(100_000);
    // Pull one vertex across the circle: its two edges cross many others.
    ring[50_000] = [1.01, 0.001];
    const start = performance.now();
    const c = contactIn([ring]);
    assert.equal(c?.ring, 0);
    assert.ok(performance.now() - start < 2000);
  });

  it('checks a comb of moderate size fully', () => {
    assert.equal(contactIn([comb(1_000)]), undefined);
    const crossed = comb(1_000);
    crossed[1001] = [1.5, 0.0101];
    assert.ok(contactIn([crossed]));
  });

  it('gives up on a huge comb quickly instead of working for minutes', () => {
    const start = performance.now();
    assert.equal(findRingContact([comb(50_000)]), TOO_COMPLEX);
    const ms = performance.now() - start;
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });
});
