import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutContained } from './circle-cull.ts';

test('circles inside a larger one are dropped; of identical circles the first stays; others stay', () => {
  const big = { u: 100, v: 100, r: 50 };
  const inside = { u: 120, v: 90, r: 20 };
  const touchingInside = { u: 140, v: 100, r: 10 };
  const crossing = { u: 140, v: 100, r: 15 };
  const twin = { ...big };
  const far = { u: 5_000, v: 9_000, r: 1 };
  assert.deepEqual(withoutContained([inside, big, touchingInside, crossing, twin, far]), [big, crossing, far]);
  assert.deepEqual(withoutContained([far]), [far]);
});
