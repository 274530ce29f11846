import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isTansiqError } from '../errors.ts';
import { uuidv7, uuidv7Generator, uuidv7Time } from './uuidv7.ts';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hexDigits = (id: string): string => id.replaceAll('-', '');

describe('uuidv7', () => {
  it('is a lower-case UUID with version 7 and variant 10', () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7();
      assert.match(id, FORMAT);
      assert.equal(id[14], '7', id);
      assert.ok('89ab'.includes(id[19] ?? ''), id);
    }
  });

  it('puts the timestamp in the first 48 bits', () => {
    const gen = uuidv7Generator();
    assert.ok(gen(0).startsWith('00000000-0000-7'));
    assert.ok(gen(0x0123456789ab + 0.9).startsWith('01234567-89ab-7'));
    assert.ok(uuidv7Generator()(2 ** 48 - 1).startsWith('ffffffff-ffff-7'));
  });

  it('roundtrips the time', () => {
    const gen = uuidv7Generator();
    for (const t of [0, 1, 1_700_000_000_123, Date.UTC(2025, 5, 1), 2 ** 48 - 1]) assert.equal(uuidv7Time(gen(t)), t);
    const before = Date.now();
    const t = uuidv7Time(uuidv7());
    assert.ok(t >= before && t <= Date.now() + 1);
  });

  it('sorts 10,000 ids made in a burst strictly increasing as strings', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${ids[i - 1]} !< ${ids[i]}`);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('counts within one millisecond and borrows the next millisecond when the counter is full', () => {
    const gen = uuidv7Generator();
    const t = 1_750_000_000_000;
    const ids = Array.from({ length: 10_000 }, () => gen(t));
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!);
    const times = ids.map(uuidv7Time);
    assert.equal(times[0], t);
    // Each millisecond holds at least 2,048 ids (the seed leaves the counter's top bit clear)
    // and at most 4,096.
    const last = times[times.length - 1]!;
    assert.ok(last > t && last <= t + 4, `last time ${last - t} ms after start`);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! <= 1);
  });

  it('stays increasing when the clock steps back', () => {
    const gen = uuidv7Generator();
    const a = gen(2_000_000);
    const b = gen(1_000_000);
    assert.ok(a < b);
    assert.equal(uuidv7Time(b), 2_000_000);
    const c = gen(2_000_001);
    assert.ok(b < c);
    assert.equal(uuidv7Time(c), 2_000_001);
  });

  it('seeds the counter randomly and fills the rest with random bits', () => {
    const gen = uuidv7Generator();
    const counters = new Set<string>();
    const tails = new Set<string>();
    for (let t = 0; t < 200; t++) {
      const id = hexDigits(gen(t));
      counters.add(id.slice(13, 16));
      tails.add(id.slice(17));
      assert.ok(parseInt(id.slice(13, 16), 16) < 0x800, 'seed top bit clear');
    }
    assert.ok(counters.size > 150, `only ${counters.size} distinct counter seeds`);
    assert.equal(tails.size, 200);
  });

  it('rejects times outside the 48-bit range', () => {
    const gen = uuidv7Generator();
    for (const bad of [-1, 2 ** 48, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => gen(bad), RangeError);
  });
});

describe('uuidv7Time', () => {
  it('rejects anything that is not a lower-case UUIDv7', () => {
    const v4 = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const bad of [v4, uuidv7().toUpperCase(), 'nope', '', `${uuidv7()}0`, '018f3c1e-7a2b-7c3d-7e4f-0123456789ab']) {
      assert.throws(() => uuidv7Time(bad), (e) => isTansiqError(e) && e.code === 'VALIDATION', bad);
    }
  });
});
