import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Principal } from '../core/model/common.ts';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { sampleIncident } from '../../test/support/fixtures.ts';
import type { LiveSocket } from './live-connection.ts';
import { LiveHub } from './live-hub.ts';
import { CLOSE_CODES } from './live-protocol.ts';

/** A socket that keeps what it was sent, parsed. */
class FakeSocket implements LiveSocket {
  bufferedAmount = 0;
  // Frames are inspected field by field; a type per frame kind would add nothing here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  frames: any[] = [];
  raw: string[] = [];
  closedWith: { code: number; reason: string } | undefined;
  send(data: string | Buffer): void {
    const text = data.toString();
    this.raw.push(text);
    this.frames.push(JSON.parse(text));
  }
  ping(): void {}
  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }
  terminate(): void {
    this.closedWith ??= { code: 1006, reason: 'terminated' };
  }
  ofType(type: string) {
    return this.frames.filter((f) => f.type === type);
  }
  /** Every record entry delivered, in order. */
  entries() {
    return this.ofType('events').flatMap((f) => f.events);
  }
}

// Timers far away: each test drives the reads itself, so frames are deterministic.
const MANUAL = { pollMs: 3_600_000, heartbeatMs: 3_600_000, authCheckMs: 3_600_000 };

for (const backend of TEST_BACKENDS) {
  describe(`live hub (${backend})`, () => {
    let env: TestEnv;
    let pWatch: Principal;
    let fWatch: Principal;
    let pAdmin: Principal;
    let hubs: LiveHub[] = [];

    before(async () => {
      env = await makeTestEnv({ backend });
      pWatch = env.principals['peshmerga-watch']!;
      fWatch = env.principals['federal-watch']!;
      pAdmin = env.principals['peshmerga-admin']!;
    });
    after(async () => {
      for (const h of hubs) await h.stop();
      await env.close();
    });

    async function startHub(opts: ConstructorParameters<typeof LiveHub>[1] = {}): Promise<LiveHub> {
      const hub = new LiveHub(env.store, { ...MANUAL, ...opts });
      hubs.push(hub);
      await hub.start();
      return hub;
    }

    async function join(hub: LiveHub, p: Principal, afterSeq?: number, revalidate: () => Promise<Principal> = async () => p) {
      const socket = new FakeSocket();
      const conn = await hub.connect(socket, { principal: p, revalidate, ...(afterSeq === undefined ? {} : { after: afterSeq }) });
      return { socket, conn };
    }

    const createIncident = (p: Principal, over: Record<string, unknown> = {}) => env.services.records.create(p, 'incident', sampleIncident(over));

    it('says hello with the current head', async () => {
      await createIncident(pWatch);
      const hub = await startHub();
      const { socket } = await join(hub, fWatch);
      const tail = await env.store.listEvents(hub.head - 1, 10);
      assert.deepEqual(tail.map((e) => e.seq), [hub.head], 'the head is the last event in the store');
      assert.deepEqual(socket.frames, [{ type: 'hello', upTo: hub.head }]);
    });

    it('never sends an own record to the other party, not even as an empty frame, and sends it once released', async () => {
      const hub = await startHub();
      const fed = await join(hub, fWatch);
      const pesh = await join(hub, pWatch);
      const inc = await createIncident(pWatch, { title: 'Own only' });
      await hub.read();
      assert.equal(fed.socket.frames.length, 1, 'only the hello');
      assert.ok(!fed.socket.raw.some((f) => f.includes(inc.id)));
      assert.deepEqual(pesh.socket.entries().map((e: { id: string; op: string }) => [e.id, e.op]), [[inc.id, 'create']]);
      assert.equal(pesh.socket.entries()[0].record.createdBy, pWatch.userId);

      await env.services.records.release(pAdmin, 'incident', inc.id, inc.version, { kind: 'bilateral' }, undefined);
      await hub.read();
      const got = fed.socket.entries();
      assert.equal(got.length, 1);
      assert.equal(got[0].id, inc.id);
      assert.equal(got[0].version, 2);
      assert.equal(got[0].record.scope, 'bilateral');
      assert.equal(got[0].record.createdBy, null, 'the other party does not see staff ids');
    });

    it('sends all events of one read in one frame per client', async () => {
      const hub = await startHub();
      const pesh = await join(hub, pWatch);
      const fed = await join(hub, fWatch);
      for (let i = 0; i < 12; i++) await createIncident(pWatch, { title: `Batch ${i}` });
      await hub.read();
      assert.equal(pesh.socket.ofType('events').length, 1);
      assert.equal(pesh.socket.entries().length, 12);
      assert.equal(pesh.socket.ofType('events')[0].upTo, hub.head);
      assert.equal(fed.socket.ofType('events').length, 0);
    });

    it('shares one encoded frame between readers who see the same, but not a TLP:RED record only its author reads', async () => {
      const hub = await startHub();
      const analyst = env.principals['peshmerga-analyst']!;
      const viewer = env.principals['peshmerga-viewer']!;
      const a = await join(hub, analyst);
      const v = await join(hub, viewer);
      await createIncident(analyst, { title: 'Shared' });
      await hub.read();
      assert.equal(a.socket.raw.at(-1), v.socket.raw.at(-1));
      const red = await env.services.records.create(analyst, 'incident', sampleIncident({ title: 'Red' }), { tlp: 'red' });
      await hub.read();
      assert.equal(a.socket.entries().at(-1).id, red.id);
      assert.ok(!v.socket.raw.some((f) => f.includes(red.id)), 'the viewer never gets the author-only record');
    });

    it('replays missed events exactly once, in order, then continues live', async () => {
      const hub = await startHub();
      const from = hub.head;
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await createIncident(pWatch, { title: `Missed ${i}` })).id);
      // Read by the hub before the client comes back: the client must get them from the store.
      await hub.read();
      const back = await join(hub, pWatch, from);
      await waitFor(() => !back.conn.replaying);
      const live = await createIncident(pWatch, { title: 'Live' });
      await hub.read();
      const entries = back.socket.entries();
      assert.deepEqual(entries.map((e: { id: string }) => e.id), [...ids, live.id]);
      const seqs = entries.map((e: { seq: number }) => e.seq);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      assert.equal(new Set(seqs).size, seqs.length);
    });

    it('tells a client too far behind to resync instead of replaying', async () => {
      const hub = await startHub({ maxReplay: 3 });
      const from = hub.head;
      for (let i = 0; i < 5; i++) await createIncident(pWatch);
      await hub.read();
      const late = await join(hub, pWatch, from);
      assert.deepEqual(late.socket.frames.map((f) => f.type), ['hello', 'resync']);
      assert.equal(late.socket.frames[1].upTo, hub.head);
      assert.equal(late.socket.entries().length, 0);
      const beyond = await join(hub, pWatch, hub.head + 1000);
      assert.deepEqual(beyond.socket.frames.map((f) => f.type), ['hello', 'resync']);
    });

    it('tells a client that held a record when it stops being visible, and nobody else', async () => {
      const hub = await startHub();
      const fed = await join(hub, fWatch);
      const inc = await createIncident(pWatch);
      const shared = await env.services.records.release(pAdmin, 'incident', inc.id, inc.version, { kind: 'bilateral' }, undefined);
      await hub.read();
      const fedOther = await join(hub, fWatch);
      const narrowed = await env.services.records.release(pAdmin, 'incident', inc.id, shared.version, { kind: 'own' }, undefined);
      await hub.read();
      assert.deepEqual(fed.socket.entries().map((e: { op: string }) => e.op), ['release', 'gone']);
      assert.deepEqual(Object.keys(fed.socket.entries()[1]).sort(), ['id', 'op', 'seq', 'type']);
      assert.equal(fedOther.socket.entries().length, 0, 'never held it on this connection: no id, nothing');
      // An own record deleted: the other party hears nothing of it.
      await env.services.records.remove(pWatch, 'incident', inc.id, narrowed.version);
      await hub.read();
      assert.equal(fed.socket.entries().length, 2);
      assert.equal(fedOther.socket.entries().length, 0);
    });

    it('sends gone to the holder even when a reader of the same group that did not hold it was served first', async () => {
      const inc = await createIncident(pWatch);
      const released = await env.services.records.release(pAdmin, 'incident', inc.id, inc.version, { kind: 'bilateral' }, undefined);
      const hub = await startHub();
      const first = await join(hub, fWatch);
      const holder = await join(hub, fWatch);
      await hub.receive(holder.conn, JSON.stringify({ type: 'known', records: [{ type: 'incident', id: inc.id }] }));
      await env.services.records.release(pAdmin, 'incident', inc.id, released.version, { kind: 'own' }, undefined);
      const other = await createIncident(pWatch);
      await env.services.records.release(pAdmin, 'incident', other.id, other.version, { kind: 'bilateral' }, undefined);
      await hub.read();
      assert.deepEqual(first.socket.entries().map((e: { op: string; id: string }) => [e.op, e.id]), [['release', other.id]]);
      assert.deepEqual(holder.socket.entries().map((e: { op: string; id: string }) => [e.op, e.id]), [['gone', inc.id], ['release', other.id]]);
    });

    it('sends gone for a deleted record the client could see, even if it had it from a list', async () => {
      const inc = await createIncident(pWatch);
      const shared = await env.services.records.release(pAdmin, 'incident', inc.id, inc.version, { kind: 'bilateral' }, undefined);
      const hub = await startHub();
      const fed = await join(hub, fWatch);
      await env.services.records.remove(pWatch, 'incident', inc.id, shared.version);
      await hub.read();
      assert.deepEqual(fed.socket.entries().map((e: { op: string; id: string }) => [e.op, e.id]), [['gone', inc.id]]);
    });

    it('checks the records a client declares it holds: visible ones are watched, the rest answered gone', async () => {
      const hub = await startHub();
      const ownInc = await createIncident(pWatch);
      const inc = await createIncident(pWatch);
      const shared = await env.services.records.release(pAdmin, 'incident', inc.id, inc.version, { kind: 'bilateral' }, undefined);
      await hub.read();
      const fed = await join(hub, fWatch);
      const missing = '01900000-0000-7000-8000-000000000000';
      await hub.receive(fed.conn, JSON.stringify({ type: 'known', records: [{ type: 'incident', id: shared.id }, { type: 'incident', id: ownInc.id }, { type: 'incident', id: missing }] }));
      const known = fed.socket.ofType('known');
      assert.equal(known.length, 1);
      assert.equal(known[0].holding, 1);
      assert.deepEqual(known[0].gone.map((g: { id: string }) => g.id), [ownInc.id, missing], 'invisible and missing look the same');
      await env.services.records.release(pAdmin, 'incident', inc.id, shared.version, { kind: 'own' }, undefined);
      await hub.read();
      assert.deepEqual(fed.socket.entries().map((e: { op: string; id: string }) => [e.op, e.id]), [['gone', inc.id]]);
    });

    it('answers bad client messages with an error frame', async () => {
      const hub = await startHub();
      const c = await join(hub, fWatch);
      await hub.receive(c.conn, 'not json');
      await hub.receive(c.conn, JSON.stringify({ type: 'known', records: [{ type: 'incident', id: 'x' }] }));
      await hub.receive(c.conn, JSON.stringify({ type: 'subscribe' }));
      const errors = c.socket.ofType('error');
      assert.equal(errors.length, 3);
      assert.ok(errors.every((f) => f.error.code === 'VALIDATION' && f.error.message));
      assert.match(errors[1].error.fields[0].path, /records\.0\.id/);
    });

    it('drops a client that does not keep up, with the resync close code', async () => {
      const hub = await startHub({ maxBufferedBytes: 1000 });
      const slow = await join(hub, pWatch);
      const quick = await join(hub, pWatch);
      slow.socket.bufferedAmount = 5000;
      await createIncident(pWatch);
      await hub.read();
      assert.equal(slow.socket.closedWith?.code, CLOSE_CODES.resync);
      assert.equal(quick.socket.closedWith, undefined);
      assert.equal(quick.socket.entries().length, 1);
      assert.equal(hub.connectionCount, 1);
    });

    it('closes the connections of a disabled account', async () => {
      const hub = await startHub({ authCheckMs: 20 });
      const username = `live-disable-${backend}`;
      const u = await env.services.users.add(null, { username, password: 'correct horse battery staple', party: 'federal', roles: ['viewer'] });
      const cookie = (await env.login(username)).split('=')[1]!;
      const p = await env.services.auth.fromSession(cookie);
      const c = await join(hub, p, undefined, () => env.services.auth.fromSession(cookie));
      await env.services.users.disable(null, u.username);
      await waitFor(() => c.socket.closedWith !== undefined);
      assert.equal(c.socket.closedWith?.code, CLOSE_CODES.unauthenticated);
      assert.equal(hub.connectionCount, 0);
    });

    it('sends notices only to their audience, serialised once', async () => {
      const hub = await startHub();
      const pesh = await join(hub, pWatch);
      const fed = await join(hub, fWatch);
      const n = hub.publishNotice('coverage-result', { runId: 'r1' }, (p) => p.party === 'peshmerga');
      assert.equal(n, 1);
      assert.deepEqual(pesh.socket.ofType('notice'), [{ type: 'notice', kind: 'coverage-result', payload: { runId: 'r1' } }]);
      assert.equal(fed.socket.ofType('notice').length, 0);
    });

    it('stops: closes every connection and refuses new ones', async () => {
      const hub = await startHub();
      const c = await join(hub, pWatch);
      await hub.stop();
      assert.equal(c.socket.closedWith?.code, CLOSE_CODES.goingAway);
      assert.equal(hub.refusal(pWatch)?.code, 'UNAVAILABLE');
      hubs = hubs.filter((h) => h !== hub);
    });
  });
}

async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
