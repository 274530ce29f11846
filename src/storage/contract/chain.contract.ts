import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import { KyselyStore } from '../kysely/kysely-store.ts';
import type { AuditInput, Store } from '../ports.ts';
import { makeRecord, T, withStore } from './fixtures.ts';

const audit = (action: string, detail: Record<string, unknown> = {}): AuditInput => ({
  at: T('2024-03-01T08:00:00Z'),
  actorId: 'user-1',
  actorName: 'Watch officer',
  action,
  targetType: 'incident',
  targetId: null,
  version: 1,
  ip: '10.0.0.1',
  detail,
});

async function allAudit(store: Store) {
  const out = [];
  for (let page = await store.listAudit(0, 64); page.length > 0; page = await store.listAudit(page.at(-1)!.seq, 64)) out.push(...page);
  return out;
}

export function chainContract(open: () => Promise<Store>): void {
  describe('events and audit chain', () => {
    const store = withStore(open);
    const N = 200;

    it(`gives ${N} concurrent writers gap-free seqs in commit order, one transaction at a time`, async () => {
      let polls = 0;
      let writing = true;
      // A reader following the feed while writers commit must never see a later seq before an
      // earlier one: that is what lets realtime and federation resume from "after seq N".
      const poller = (async () => {
        while (writing) {
          const seqs = (await store().listEvents(0, 10_000)).map((e) => e.seq);
          assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'events became visible out of order');
          polls++;
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      poller.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
      const results = await Promise.all(
        Array.from({ length: N }, async (_, i) => {
          const { rec, index } = makeRecord({ data: { i } });
          return store().write(async (tx) => {
            await tx.insertRecord(rec, index);
            const eventSeq = await tx.appendEvent({ at: rec.createdAt, recordType: rec.type, recordId: rec.id, op: 'create', version: 1, originParty: rec.originParty, actorId: 'user-1', record: rec });
            await new Promise((r) => setImmediate(r));
            const entry = await tx.appendAudit(audit('incident.create', { i, note: 'ج' }));
            return { i, rec, eventSeq, auditSeq: entry.seq };
          });
        }),
      );
      writing = false;
      await poller;
      assert.ok(polls > 0);

      // Each transaction took its event and audit seq under the same head: no interleaving.
      for (const r of results) assert.equal(r.eventSeq, r.auditSeq, `write ${r.i} interleaved with another`);
      assert.deepEqual(results.map((r) => r.eventSeq).sort((a, b) => a - b), Array.from({ length: N }, (_, i) => i + 1));

      const events = await store().listEvents(0, 1000);
      assert.deepEqual(events.map((e) => e.seq), Array.from({ length: N }, (_, i) => i + 1));
      const bySeq = new Map(results.map((r) => [r.eventSeq, r.rec]));
      for (const e of events) assert.deepEqual(e.record, bySeq.get(e.seq));
      assert.deepEqual((await store().listEvents(N - 2, 10)).map((e) => e.seq), [N - 1, N]);

      const entries = await allAudit(store());
      assert.equal(entries.length, N);
      assert.deepEqual(verifyChain(entries), { ok: true, count: N, lastHash: entries.at(-1)!.hash });
    });

    it('appends a change\'s event and audit entry in one claim, continuing both sequences and the chain', async () => {
      const before = { events: (await store().listEvents(0, 100_000)).length, audit: (await allAudit(store())).length };
      const { rec, index } = makeRecord({ data: { combined: true } });
      const out = await store().write(async (tx) => {
        await tx.insertRecord(rec, index);
        const change = await tx.appendChange({ at: rec.createdAt, recordType: rec.type, recordId: rec.id, op: 'create', version: 1, originParty: rec.originParty, actorId: 'user-1', record: rec }, audit('incident.create'));
        const alone = await tx.appendAudit(audit('incident.note'));
        return { change, alone };
      });
      assert.equal(out.change.seq, before.events + 1);
      assert.equal(out.change.audit.seq, before.audit + 1);
      assert.equal(out.alone.seq, before.audit + 2);
      assert.equal(out.alone.prevHash, out.change.audit.hash);
      const entries = await allAudit(store());
      assert.equal(verifyChain(entries).ok, true);
      assert.deepEqual((await store().listEvents(before.events, 10)).map((e) => e.recordId), [rec.id]);
    });

    it('rolls back everything a failed write did, and leaves no gap behind it', async () => {
      const before = { events: (await store().listEvents(0, 10_000)).length, audit: (await allAudit(store())).length };
      const { rec, index } = makeRecord();
      await assert.rejects(
        store().write(async (tx) => {
          await tx.insertRecord(rec, index);
          await tx.appendEvent({ at: rec.createdAt, recordType: rec.type, recordId: rec.id, op: 'create', version: 1, originParty: rec.originParty, actorId: 'user-1', record: rec });
          await tx.appendAudit(audit('incident.create'));
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store().getRecord('incident', rec.id), undefined);
      assert.equal((await store().listEvents(0, 10_000)).length, before.events);
      assert.equal((await allAudit(store())).length, before.audit);

      const next = await store().write((tx) => tx.appendAudit(audit('after.rollback')));
      assert.equal(next.seq, before.audit + 1);
      assert.equal(verifyChain(await allAudit(store())).ok, true);
    });

    it('commits concurrent writes together but rolls back each failing one alone', async () => {
      const before = { events: (await store().listEvents(0, 10_000)).length, audit: (await allAudit(store())).length };
      const writes = Array.from({ length: 60 }, (_, i) => {
        const { rec, index } = makeRecord({ data: { i } });
        const done = store().write(async (tx) => {
          await tx.insertRecord(rec, index);
          await tx.appendEvent({ at: rec.createdAt, recordType: rec.type, recordId: rec.id, op: 'create', version: 1, originParty: rec.originParty, actorId: 'user-1', record: rec });
          await tx.appendAudit(audit('incident.create', { i }));
          if (i % 3 === 1) throw new Error(`refused ${i}`);
          return i;
        });
        return { i, rec, done: done.then((v) => ({ ok: true as const, v }), (e: Error) => ({ ok: false as const, e })) };
      });
      for (const w of writes) {
        const r = await w.done;
        assert.equal(r.ok, w.i % 3 !== 1, `write ${w.i}`);
        if (!r.ok) assert.match(r.e.message, new RegExp(`refused ${w.i}$`));
        assert.equal((await store().getRecord('incident', w.rec.id)) !== undefined, w.i % 3 !== 1, `record of write ${w.i}`);
      }
      const events = await store().listEvents(0, 10_000);
      assert.equal(events.length, before.events + 40);
      assert.deepEqual(events.map((e) => e.seq), events.map((_, k) => k + 1), 'no gap where the failed writes were');
      const entries = await allAudit(store());
      assert.equal(entries.length, before.audit + 40);
      assert.equal(verifyChain(entries).ok, true);
    });

    it('isolates concurrent writes: the ones that fail leave nothing and no gap, the others commit', async () => {
      const before = { events: (await store().listEvents(0, 10_000)).length, audit: (await allAudit(store())).length };
      const outcomes = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) => {
          const { rec, index } = makeRecord({ data: { i } });
          return store().write(async (tx) => {
            await tx.insertRecord(rec, index);
            await tx.appendEvent({ at: rec.createdAt, recordType: rec.type, recordId: rec.id, op: 'create', version: 1, originParty: rec.originParty, actorId: 'user-1', record: rec });
            await tx.appendAudit(audit('incident.create', { i }));
            if (i % 3 === 1) throw new Error(`fail ${i}`);
            return rec.id;
          });
        }),
      );
      const ok = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      assert.equal(ok.length, 40);
      for (const [i, o] of outcomes.entries()) if (o.status === 'rejected') assert.match(String(o.reason), new RegExp(`fail ${i}$`));
      const events = (await store().listEvents(before.events, 10_000));
      assert.deepEqual(events.map((e) => e.seq), Array.from({ length: 40 }, (_, i) => before.events + i + 1));
      assert.deepEqual(new Set(events.map((e) => e.recordId)), new Set(ok));
      for (const id of ok) assert.ok(await store().getRecord('incident', id));
      const entries = await allAudit(store());
      assert.equal(entries.length, before.audit + 40);
      assert.equal(verifyChain(entries).ok, true);
    });

    it('stores audit details so that they verify, whatever JSON they hold', async () => {
      const e = await store().write((tx) => tx.appendAudit({ ...audit('odd.detail'), actorId: null, actorName: null, ip: null, version: null, detail: { u: undefined, d: new Date(0), ar: 'تنسيق', f: 1.5, deep: { a: [1, { b: 'c' }] } } as Record<string, unknown> }));
      assert.deepEqual(e.detail, { d: '1970-01-01T00:00:00.000Z', ar: 'تنسيق', f: 1.5, deep: { a: [1, { b: 'c' }] } });
      const stored = (await store().listAudit(e.seq - 1, 1))[0];
      assert.deepEqual(stored, e);
      assert.equal(verifyChain(await allAudit(store())).ok, true);
    });

    it('refuses a NUL character in an audit entry without using up a seq', async () => {
      const before = (await allAudit(store())).length;
      await assert.rejects(store().write((tx) => tx.appendAudit(audit('nul', { s: 'a\u0000' }))), (e: { code?: string }) => e.code === 'VALIDATION');
      assert.equal((await store().write((tx) => tx.appendAudit(audit('after.nul')))).seq, before + 1);
    });

    it('catches a tampered audit row at its seq', async (t) => {
      const s = store();
      if (!(s instanceof KyselyStore)) return t.skip('no raw handle to tamper with');
      const entries = await allAudit(s);
      const victim = entries[10]!;
      await s.kysely.updateTable('audit').set({ detail: JSON.stringify({ ...victim.detail, i: -1 }) }).where('seq', '=', victim.seq).execute();
      const check = verifyChain(await allAudit(s));
      assert.equal(check.ok, false);
      assert.equal(!check.ok && check.brokenSeq, victim.seq);

      await s.kysely.updateTable('audit').set({ detail: JSON.stringify(victim.detail) }).where('seq', '=', victim.seq).execute();
      assert.equal(verifyChain(await allAudit(s)).ok, true);
      await s.kysely.deleteFrom('audit').where('seq', '=', entries[20]!.seq).execute();
      const gap = verifyChain(await allAudit(s));
      assert.equal(!gap.ok && gap.brokenSeq, entries[21]!.seq);
    });
  });
}
