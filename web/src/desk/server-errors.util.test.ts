import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureError, fieldErrorsFrom } from './server-errors.util.ts';

describe('server field errors next to the form fields', () => {
  it('places each field path on its form field, with a known message translated', () => {
    const errors = fieldErrorsFrom({
      status: 400, code: 'VALIDATION', message: 'invalid incident',
      fields: {
        'location.coordinates': 'coordinates look swapped: GeoJSON order is [longitude, latitude], so [35, 43] should be [43, 35]',
        title: 'must be plain text, not HTML markup',
        'actors.0.name': 'must not be empty',
        acledSubEventType: 'must be one of: Armed clash',
        'sources.1.publishedAt': 'something new the desk does not know',
      },
    });
    assert.deepEqual(errors, {
      location: { key: 'errors.coordSwapped' },
      title: { key: 'errors.markup' },
      actors: { key: 'errors.required' },
      acled: { key: 'errors.subtypeMismatch' },
      sources: { text: 'sources.1.publishedAt: something new the desk does not know' },
    });
  });

  it('puts unknown paths on the form and keeps the first message per field', () => {
    const errors = fieldErrorsFrom({ status: 400, code: 'VALIDATION', message: 'x', fields: { foo: 'unknown field', 'killed.civilian': 'Too big: expected number to be <=100000', 'killed.other': 'x' } });
    assert.deepEqual(errors, { form: { text: 'foo: unknown field' }, killed: { key: 'errors.count' } });
  });

  it('answers failures without fields by their code', () => {
    assert.deepEqual(fieldErrorsFrom({ status: 403, code: 'FORBIDDEN', message: 'your role may not create incidents' }), { form: { key: 'errors.forbidden' } });
    assert.deepEqual(failureError({ status: 0, code: 'NETWORK', message: 'Failed to fetch' }), { key: 'errors.network' });
    assert.deepEqual(failureError({ status: 418, code: 'HTTP_418', message: 'teapot' }), { text: 'teapot' });
  });
});
