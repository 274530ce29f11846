import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentSchema } from '../../../src/core/model/incident.ts';
import type { IncidentRecord } from './incident.model.ts';
import { checkForm, emptyForm, formFromRecord, fromLocalInput, patchOf, scopeText, toLocalInput, type IncidentForm } from './incident-form.state.ts';

const NOW = new Date('2021-12-02T18:30:00Z');

const filled = (over: Partial<IncidentForm> = {}): IncidentForm => ({
  ...emptyForm(NOW),
  title: '  هجوم على قرية خضر جيجة ',
  description: 'هجوم مسلح على القرية',
  coordText: '43.68, 35.76',
  placeId: 'local:khidirjija',
  placeName: 'خضر جيجة',
  killed: { civilian: '٢', peshmerga: '', federal: '0', other: '0' },
  wounded: { civilian: '1', peshmerga: '4', federal: '0', other: '0' },
  actors: [{ name: 'ISIS', side: 'perpetrator' }],
  acledEventType: 'Violence against civilians',
  acledSubEventType: 'Attack',
  sources: [{ name: 'Kurdistan 24', url: 'https://example.org/a' }, { name: 'Radio', url: '' }],
  ...over,
});

describe('times in the form are Iraq time', () => {
  it('shows an instant as Iraq wall-clock time and reads it back', () => {
    assert.equal(toLocalInput(NOW), '2021-12-02T21:30');
    assert.equal(fromLocalInput('2021-12-02T21:30')?.toISOString(), NOW.toISOString());
    assert.equal(fromLocalInput('2021-12-02'), undefined);
    assert.equal(fromLocalInput('2021-13-45T99:00'), undefined);
  });
});

describe('checkForm: form → POST /api/incidents body', () => {
  it('maps every field, trims text, reads Arabic-Indic digits, turns empty counts into 0 and leaves empty optionals out', () => {
    const r = checkForm(filled());
    assert.ok(r.ok);
    assert.deepEqual(r.body, {
      title: 'هجوم على قرية خضر جيجة',
      description: 'هجوم مسلح على القرية',
      occurredAt: '2021-12-02T18:30:00.000Z',
      timePrecision: 'hour',
      location: { type: 'Point', coordinates: [43.68, 35.76] },
      locationPrecision: 'exact',
      placeId: 'local:khidirjija',
      placeName: 'خضر جيجة',
      killed: { civilian: 2, peshmerga: 0, federal: 0, other: 0 },
      wounded: { civilian: 1, peshmerga: 4, federal: 0, other: 0 },
      actors: [{ name: 'ISIS', side: 'perpetrator' }],
      acledEventType: 'Violence against civilians',
      acledSubEventType: 'Attack',
      sources: [{ name: 'Kurdistan 24', url: 'https://example.org/a' }, { name: 'Radio' }],
      verification: 'reported',
    });
  });

  it('produces bodies the server schema accepts', () => {
    const r = checkForm(filled());
    assert.ok(r.ok);
    assert.equal(incidentSchema.safeParse(r.body).success, true);
    const minimal = checkForm({ ...emptyForm(NOW), title: 'x', coordText: '38SLE80665813' });
    assert.ok(minimal.ok);
    assert.equal(incidentSchema.safeParse(minimal.body).success, true);
  });

  it('names each problem by field with an i18n key', () => {
    const r = checkForm({
      ...emptyForm(NOW), title: ' ', occurredAt: 'yesterday', coordText: '35.76, 43.68',
      killed: { civilian: '-1', peshmerga: '0', federal: '0', other: '0' }, wounded: { civilian: '1.5', peshmerga: '0', federal: '0', other: '0' },
      actors: [{ name: '', side: 'other' }], sources: [{ name: 'x', url: 'javascript:alert(1)' }],
      acledEventType: 'Riots', acledSubEventType: 'Attack',
    });
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? {} : r.errors, {
      title: { key: 'errors.required' }, occurredAt: { key: 'errors.time' }, location: { key: 'errors.coordSwapped' },
      killed: { key: 'errors.count' }, wounded: { key: 'errors.count' }, actors: { key: 'errors.actorName' },
      sources: { key: 'errors.url' }, acled: { key: 'errors.subtypeMismatch' },
    });
  });

  it('refuses to share TLP:RED, drafts, or a JCC scope without a JCC', () => {
    const err = (f: Partial<IncidentForm>) => {
      const r = checkForm(filled(f));
      return r.ok ? undefined : r.errors.scope?.key;
    };
    assert.equal(err({ scope: 'bilateral', tlp: 'red' }), 'errors.redNotShared');
    assert.equal(err({ scope: 'bilateral', verification: 'draft' }), 'errors.draftNotShared');
    assert.equal(err({ scope: 'jcc', scopeJccIds: [] }), 'errors.pickJcc');
    assert.equal(err({ scope: 'own', tlp: 'red' }), undefined);
    assert.equal(err({ scope: 'jcc', scopeJccIds: ['b', 'a'] }), undefined);
  });

  it('writes the release scope as the server reads it', () => {
    assert.equal(scopeText({ scope: 'own', scopeJccIds: ['x'] }), 'own');
    assert.equal(scopeText({ scope: 'bilateral', scopeJccIds: [] }), 'bilateral');
    assert.equal(scopeText({ scope: 'jcc', scopeJccIds: ['b', 'a'] }), 'jcc:a,b');
  });
});

describe('editing', () => {
  const checked = checkForm(filled());
  assert.ok(checked.ok);
  const record: IncidentRecord = {
    id: '0193a000-0000-7000-8000-000000000001', type: 'incident', originParty: 'peshmerga', originSite: 's', version: 3,
    scope: 'jcc:j1,j2', tlp: 'green', draft: false, createdAt: '', updatedAt: '', createdBy: 'u', updatedBy: 'u',
    data: { ...checked.body, jccId: 'j1', adminPcode: 'IQG11Q04', reportIds: [] } as IncidentRecord['data'],
  };

  it('fills the form from a record and round-trips to the same body', () => {
    const form = formFromRecord(record);
    assert.equal(form.scope, 'jcc');
    assert.deepEqual(form.scopeJccIds, ['j1', 'j2']);
    assert.equal(form.tlp, 'green');
    const again = checkForm(form);
    assert.ok(again.ok);
    assert.deepEqual(again.body, checked.body);
  });

  it('patches only what changed, and removes cleared optional fields with null', () => {
    const form = { ...formFromRecord(record), title: 'new title', acledEventType: '', acledSubEventType: '' };
    const again = checkForm(form);
    assert.ok(again.ok);
    assert.deepEqual(patchOf(record.data, again.body), { title: 'new title', acledEventType: null, acledSubEventType: null });
  });
});
