import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaSchema, lineStringSchema } from '../core/geo/geometry.ts';
import { behindLine, buildFront, placeOnFront } from './front.util.ts';
import { heavyTailCount, mulberry32 } from './rng.util.ts';

describe('demo front', () => {
  const front = buildFront();

  it('leaves a strip of 2 to 10 km between the two forward lines', () => {
    assert.ok(front.strip.minKm >= 2, `narrowest ${front.strip.minKm} km`);
    assert.ok(front.strip.maxKm <= 10, `widest ${front.strip.maxKm} km`);
    for (const line of [front.peshmergaLine, front.federalLine]) {
      assert.equal(lineStringSchema.safeParse({ type: 'LineString', coordinates: line }).success, true);
    }
  });

  it('sweeps a valid area of about 17,000 km²', () => {
    assert.equal(areaSchema.safeParse(front.sweepArea).success, true);
    assert.ok(front.sweepAreaKm2 > 17_000 && front.sweepAreaKm2 < 17_500, `${front.sweepAreaKm2} km²`);
  });

  it('puts Khidirjija inside the strip of the Makhmour sector, Makhmour town on the federal side', () => {
    const village = placeOnFront(front, [43.68, 35.764]);
    assert.equal(village.inStrip, true);
    assert.equal(village.sector, 'MAK');
    const town = placeOnFront(front, [43.58, 35.78]);
    assert.ok(town.signedM < -town.halfStripM, 'west of the federal line');
  });

  it('places units behind their own line', () => {
    for (const side of ['peshmerga', 'federal'] as const) {
      const pos = placeOnFront(front, behindLine(front, 0.5, side, 5000));
      assert.equal(pos.inStrip, false);
      assert.equal(pos.signedM > 0, side === 'peshmerga');
      assert.ok(Math.abs(Math.abs(pos.signedM) - pos.halfStripM - 5000) < 300, `${pos.signedM} m`);
    }
  });
});

describe('demo random source', () => {
  it('repeats itself for a seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    assert.deepEqual(Array.from({ length: 5 }, () => a.next()), Array.from({ length: 5 }, () => b.next()));
  });

  it('gives mostly small casualty counts with a long tail', () => {
    const rng = mulberry32(1);
    const counts = Array.from({ length: 5000 }, () => heavyTailCount(rng, 0.4));
    const small = counts.filter((n) => n <= 2).length / counts.length;
    assert.ok(small > 0.75, `${small} at 0-2`);
    assert.ok(counts.some((n) => n >= 10), 'some large ones');
  });
});
