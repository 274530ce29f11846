import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal, RecordMeta, Role, Scope, Tlp } from '../model/common.ts';
import { KINDS } from '../model/kinds.ts';
import { canRead, canWrite, readFilterFor } from './access.ts';

const JCC_A = '00000000-0000-7000-8000-00000000000a';
const JCC_B = '00000000-0000-7000-8000-00000000000b';

const user = (party: Principal['party'], roles: Role[], jccIds: string[] = [], userId = `${party}-${roles[0]}`): Principal => ({ userId, username: userId, party, roles, jccIds });

const meta = (over: Partial<RecordMeta> = {}): RecordMeta => ({
  id: '00000000-0000-7000-8000-000000000001',
  type: 'incident',
  originParty: 'peshmerga',
  originSite: 'site-1',
  version: 1,
  scope: { kind: 'own' },
  tlp: 'amber',
  draft: false,
  deleted: false,
  createdAt: '2021-12-02T18:00:00.000Z',
  updatedAt: '2021-12-02T18:00:00.000Z',
  createdBy: 'peshmerga-watch',
  updatedBy: 'peshmerga-watch',
  ...over,
});

describe('canRead', () => {
  const fedViewer = user('federal', ['viewer'], [JCC_A]);
  const pshViewer = user('peshmerga', ['viewer']);

  it('lets a party read its own records and nothing of the other party that was not released', () => {
    assert.equal(canRead(pshViewer, meta()), true);
    assert.equal(canRead(fedViewer, meta()), false);
  });

  it('lets the other party read bilateral records, and jcc-scoped ones only through an assigned JCC', () => {
    assert.equal(canRead(fedViewer, meta({ scope: { kind: 'bilateral' } })), true);
    assert.equal(canRead(fedViewer, meta({ scope: { kind: 'jcc', jccIds: [JCC_A] } })), true);
    assert.equal(canRead(fedViewer, meta({ scope: { kind: 'jcc', jccIds: [JCC_B] } })), false);
    assert.equal(canRead(user('federal', ['admin']), meta({ scope: { kind: 'jcc', jccIds: [JCC_A] } })), false, 'no JCC assignment, even for an admin');
  });

  it('never shows drafts, TLP:RED or deleted records to the other party, whatever the scope', () => {
    const released: Scope = { kind: 'bilateral' };
    assert.equal(canRead(fedViewer, meta({ scope: released, draft: true })), false);
    assert.equal(canRead(fedViewer, meta({ scope: released, tlp: 'red' })), false);
    assert.equal(canRead(fedViewer, meta({ scope: released, deleted: true })), false);
    assert.equal(canRead(pshViewer, meta({ deleted: true })), false);
  });

  it('limits TLP:RED inside the party to its author, commanders and admins', () => {
    const red: Partial<RecordMeta> = { tlp: 'red' as Tlp };
    assert.equal(canRead(pshViewer, meta(red)), false);
    assert.equal(canRead(user('peshmerga', ['commander']), meta(red)), true);
    assert.equal(canRead(user('peshmerga', ['watch'], [], 'peshmerga-watch'), meta(red)), true, 'the author');
  });

  it('builds the same filter the storage applies', () => {
    assert.deepEqual(readFilterFor(user('federal', ['admin', 'watch'], [JCC_B])), { party: 'federal', userId: 'federal-admin', seesRed: true, jccIds: [JCC_B] });
  });
});

describe('canWrite', () => {
  it('follows the roles of each record type', () => {
    assert.equal(canWrite(user('peshmerga', ['watch']), KINDS.incident, 'create'), true);
    assert.equal(canWrite(user('peshmerga', ['watch']), KINDS.unit, 'create'), false);
    assert.equal(canWrite(user('peshmerga', ['viewer']), KINDS.incident, 'create'), false);
    assert.equal(canWrite(user('peshmerga', ['admin']), KINDS.jcc, 'create'), true);
    assert.equal(canWrite(user('peshmerga', ['commander']), KINDS.jcc, 'create'), false);
  });

  it('lets only liaison officers, commanders and admins release', () => {
    assert.equal(canWrite(user('peshmerga', ['watch']), KINDS.incident, 'release', meta()), false);
    assert.equal(canWrite(user('peshmerga', ['liaison']), KINDS.incident, 'release', meta()), true);
  });

  it('keeps a single writer: the other party never changes a record, even a released one', () => {
    const released = meta({ scope: { kind: 'bilateral' } });
    assert.equal(canWrite(user('federal', ['admin']), KINDS.incident, 'update', released), false);
    assert.equal(canWrite(user('federal', ['admin']), KINDS.incident, 'delete', released), false);
  });
});
