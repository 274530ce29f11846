import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as core from '../../../src/core/model/incident.ts';
import { TLPS as CORE_TLPS } from '../../../src/core/model/common.ts';
import { ACLED_TYPES, CASUALTY_CATEGORIES, LOCATION_PRECISION, TIME_PRECISION, TLPS, VERIFICATION, acledKey } from './incident.model.ts';

describe('incident vocabulary mirrored from the server', () => {
  it('has the same ACLED types and sub-types, in the same order', () => {
    assert.deepEqual(ACLED_TYPES, core.ACLED_TYPES);
  });

  it('has the same categories, precisions, states and TLP labels', () => {
    assert.deepEqual(CASUALTY_CATEGORIES, core.CASUALTY_CATEGORIES);
    assert.deepEqual(VERIFICATION, core.VERIFICATION);
    assert.deepEqual(TIME_PRECISION, core.TIME_PRECISION);
    assert.deepEqual(LOCATION_PRECISION, core.LOCATION_PRECISION);
    assert.deepEqual(TLPS, CORE_TLPS);
  });

  it('gives every ACLED name a distinct i18n key', () => {
    assert.equal(acledKey('Air/drone strike'), 'airDroneStrike');
    assert.equal(acledKey('Remote explosive/landmine/IED'), 'remoteExplosiveLandmineIed');
    const names = [...Object.keys(ACLED_TYPES), ...Object.values(ACLED_TYPES).flat()];
    // "Other" is a sub-type only; "Attack" is only under violence against civilians.
    assert.equal(new Set(names.map(acledKey)).size, new Set(names).size);
  });
});
