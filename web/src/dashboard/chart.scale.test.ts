import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { band, niceMax, scale, stack, ticks } from './chart.scale.ts';

describe('chart scales', () => {
  it('rounds the axis maximum up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    assert.equal(niceMax(0), 1);
    assert.equal(niceMax(NaN), 1);
    assert.equal(niceMax(7), 10);
    assert.equal(niceMax(12), 20);
    assert.equal(niceMax(23), 25);
    assert.equal(niceMax(41), 50);
    assert.equal(niceMax(100), 100);
    assert.equal(niceMax(1234), 2000);
  });

  it('gives whole, distinct ticks from 0 to the maximum', () => {
    assert.deepEqual(ticks(20), [0, 5, 10, 15, 20]);
    assert.deepEqual(ticks(25), [0, 6, 12, 18, 24]);
    assert.deepEqual(ticks(1), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(ticks(2, 4), [0, 0.5, 1, 1.5, 2]);
  });

  it('maps values onto pixels, never below zero', () => {
    const y = scale(50, 200);
    assert.equal(y(25), 100);
    assert.equal(y(-3), 0);
    assert.equal(scale(0, 200)(5), 0);
  });

  it('runs bands left-to-right, or right-to-left for Arabic and Sorani', () => {
    assert.deepEqual(band(0, 4, 400, false, 0.5), { x: 25, width: 50 });
    assert.deepEqual(band(3, 4, 400, false, 0.5), { x: 325, width: 50 });
    assert.deepEqual(band(0, 4, 400, true, 0.5), { x: 325, width: 50 });
    assert.deepEqual(band(3, 4, 400, true, 0.5), { x: 25, width: 50 });
  });

  it('stacks segments end to end, skipping negatives', () => {
    assert.deepEqual(stack([2, 0, 3, -1]), [{ start: 0, end: 2 }, { start: 2, end: 2 }, { start: 2, end: 5 }, { start: 5, end: 5 }]);
  });
});
