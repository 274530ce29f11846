import assert from 'node:assert/strict';
import { it } from 'node:test';
import { viewFromHash } from './nav.ts';

it('reads the view from the hash, defaulting to the map', () => {
  assert.equal(viewFromHash('#/desk'), 'desk');
  assert.equal(viewFromHash('#/sitrep/abc'), 'sitrep');
  assert.equal(viewFromHash(''), 'map');
  assert.equal(viewFromHash('#/<script>'), 'map');
});
