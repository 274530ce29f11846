import assert from 'node:assert/strict';
import { it } from 'node:test';
import { latLonText, mgrsOf } from './coordinates.ts';

it('gives MGRS and lat/lon for a point near Kirkuk', () => {
  assert.match(mgrsOf(44.3923, 35.4681), /^38S [A-Z]{2} \d{5} \d{5}$/);
  assert.equal(latLonText(44.3923, 35.4681), '35.46810°, 44.39230°');
  assert.equal(mgrsOf(0, 89.9), '');
});
