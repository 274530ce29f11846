import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mgrsOf } from '../map/coordinates.ts';
import { formatLonLat, parseCoordinates } from './coords.util.ts';

describe('parseCoordinates', () => {
  it('reads lon, lat in degrees with comma, space or semicolon', () => {
    for (const text of ['43.68, 35.76', '43.68 35.76', '43.68;35.76', '  43.68 ,  35.76 ']) {
      assert.deepEqual(parseCoordinates(text), { ok: true, lonLat: [43.68, 35.76] });
    }
  });

  it('reads Arabic-Indic digits and the Arabic comma and decimal sign', () => {
    assert.deepEqual(parseCoordinates('٤٣٫٦٨، ٣٥٫٧٦'), { ok: true, lonLat: [43.68, 35.76] });
    assert.deepEqual(parseCoordinates('۴۳.۶۸ ۳۵.۷۶'), { ok: true, lonLat: [43.68, 35.76] });
  });

  it('names latitude-first input as swapped and far-away points as outside', () => {
    assert.deepEqual(parseCoordinates('35.76, 43.68'), { ok: false, problem: 'swapped' });
    assert.deepEqual(parseCoordinates('2.35, 48.85'), { ok: false, problem: 'outside' });
  });

  it('reads MGRS references, with or without spaces, and round-trips them', () => {
    const ref = mgrsOf(43.68, 35.76);
    assert.match(ref, /^38S [A-Z]{2} \d{5} \d{5}$/);
    assert.ok(parseCoordinates(ref.replace(/ /g, '')).ok);
    const back = parseCoordinates(ref.toLowerCase());
    assert.ok(back.ok);
    assert.ok(Math.abs(back.lonLat[0] - 43.68) < 0.001 && Math.abs(back.lonLat[1] - 35.76) < 0.001);
  });

  it('answers empty and unreadable input with a problem, never a throw', () => {
    assert.deepEqual(parseCoordinates(''), { ok: false, problem: 'empty' });
    for (const text of ['Kirkuk', '38SZZ', '1,2,3', '43.68,', 'NaN, NaN', '38SLE8066581']) {
      const r = parseCoordinates(text);
      assert.equal(r.ok, false, text);
    }
  });

  it('formats lon, lat with five decimals (about a metre)', () => {
    assert.equal(formatLonLat([43.68, 35.76]), '43.68000, 35.76000');
  });
});
