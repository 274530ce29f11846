import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictRows, mergeMine } from './conflict.state.ts';
import { checkForm, emptyForm, formFromRecord, patchOf } from './incident-form.state.ts';
import type { IncidentData, IncidentRecord } from './incident.model.ts';

const base: IncidentData = {
  title: 'Attack on the village', description: 'first report', occurredAt: '2021-12-02T18:00:00.000Z', timePrecision: 'hour',
  location: { type: 'Point', coordinates: [43.68, 35.76] }, locationPrecision: 'exact', placeName: 'Khidirjija', adminPcode: 'IQG11Q04N03', jccId: 'j1',
  killed: { civilian: 2, peshmerga: 0, federal: 0, other: 0 }, wounded: { civilian: 1, peshmerga: 0, federal: 0, other: 0 },
  actors: [], sources: [], reportIds: [], verification: 'reported',
};
const record = (data: IncidentData, version: number): IncidentRecord => ({
  id: '0193a000-0000-7000-8000-000000000001', type: 'incident', originParty: 'peshmerga', originSite: 's', version,
  scope: 'own', tlp: 'amber', draft: false, createdAt: '', updatedAt: '', createdBy: 'u', updatedBy: 'u', data,
});

// Theirs: a new description and a confirmed state. Mine: a new title and a different description.
const theirs = record({ ...base, description: 'second source agrees', verification: 'confirmed', adminPcode: 'IQG11Q04N01' }, 3);
const mineForm = { ...formFromRecord(record(base, 2)), title: 'ISIS attack on Khidirjija', description: 'three civilians hurt' };
const mineCheck = checkForm(mineForm);
assert.ok(mineCheck.ok);
const mine = mineCheck.body;

describe('edit conflicts', () => {
  it('lists what each side changed, flags fields both changed differently, ignores derived codes', () => {
    assert.deepEqual(conflictRows(base, theirs.data, mine), [
      { field: 'description', theirs: 'second source agrees', mine: 'three civilians hurt', both: true },
      { field: 'verification', theirs: 'confirmed', mine: 'reported', both: false },
      { field: 'title', theirs: 'Attack on the village', mine: 'ISIS attack on Khidirjija', both: false },
    ]);
  });

  it('"keep mine" lays my changes over their version, so the next save sends only mine', () => {
    const merged = mergeMine(base, theirs, mine);
    assert.equal(merged.version, 3);
    assert.equal(merged.data.title, 'ISIS attack on Khidirjija');
    assert.equal(merged.data.description, 'three civilians hurt');
    assert.equal(merged.data.verification, 'confirmed', 'their confirmation survives');
    const again = checkForm(formFromRecord(merged));
    assert.ok(again.ok);
    assert.deepEqual(patchOf(theirs.data, again.body), { title: 'ISIS attack on Khidirjija', description: 'three civilians hurt' });
  });

  it('"keep mine" removes an optional field I cleared', () => {
    const cleared = checkForm({ ...formFromRecord(record(base, 2)), placeName: '' });
    assert.ok(cleared.ok);
    assert.equal('placeName' in mergeMine(base, theirs, cleared.body).data, false);
  });

  it('has nothing to show when neither side changed anything', () => {
    const same = checkForm({ ...emptyForm(new Date(base.occurredAt)), ...formFromRecord(record(base, 2)) });
    assert.ok(same.ok);
    assert.deepEqual(conflictRows(base, base, same.body), []);
  });
});
