import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KIRKUK, makeTestEnv, type TestEnv } from '../../test/support/env.ts';

describe('record service: creating a record already shared', () => {
  let env: TestEnv;
  before(async () => {
    env = await makeTestEnv();
  });
  after(() => env.close());

  const body = { title: 'Mortar fire near the checkpoint', occurredAt: '2021-12-02T18:30:00Z', location: { type: 'Point', coordinates: KIRKUK } };

  it('is a release, so a role that may not release may not do it', async () => {
    await assert.rejects(
      env.services.records.create(env.principals['peshmerga-watch']!, 'incident', body, { scope: { kind: 'bilateral' }, tlp: 'green' }),
      (e: Error & { code?: string }) => e.code === 'FORBIDDEN',
    );
    const own = await env.services.records.create(env.principals['peshmerga-watch']!, 'incident', body, { scope: { kind: 'own' } });
    assert.equal(own.scope, 'own');
  });

  it('is allowed to a commander, who may both create and release', async () => {
    const rec = await env.services.records.create(env.principals['peshmerga-commander']!, 'incident', body, { scope: { kind: 'bilateral' }, tlp: 'green' });
    assert.equal(rec.scope, 'bilateral');
  });
});
