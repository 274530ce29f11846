import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LinkState, LiveEvent } from '../app/contracts.ts';
import { backoffMs } from './backoff.ts';
import { createLiveSource, type SocketLike } from './live-source.ts';

class FakeSocket implements SocketLike {
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  readonly sent: { type: string; records: { type: string; id: string }[] }[] = [];
  constructor(readonly path: string) {}
  close(code = 1006): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.({ code });
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  receive(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number; done: boolean }[] = [];
  const source = createLiveSource({
    connect: (path) => {
      const s = new FakeSocket(path);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => {
      const t = { fn, ms, done: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { done: boolean }).done = true;
    },
    random: () => 0.5,
  });
  const runRetry = () => {
    const t = timers.filter((x) => !x.done && x.ms >= 100 && x.ms < 45_000).at(-1);
    assert.ok(t, 'a retry is scheduled');
    t.done = true;
    t.fn();
  };
  /** Runs the background `known` sends to the end; returns how many timer ticks that took. */
  const runFlushes = () => {
    let ticks = 0;
    for (let t = timers.find((x) => !x.done && x.ms < 100); t; t = timers.find((x) => !x.done && x.ms < 100)) {
      t.done = true;
      t.fn();
      ticks++;
    }
    return ticks;
  };
  const last = () => sockets.at(-1) as FakeSocket;
  return { source, sockets, last, runRetry, runFlushes, timers };
}

const incidents = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'incident', id: `i${i}` }));
const ids = (sent: FakeSocket['sent']) => sent.flatMap((m) => m.records.map((r) => r.id)).sort();
const event = (seq: number): LiveEvent => ({ seq, op: 'create', type: 'incident', id: `i${seq}`, version: 1, record: {} });

describe('live source', () => {
  it('goes live on hello and hands events to subscribers once', () => {
    const h = harness();
    const states: LinkState[] = [];
    h.source.onState((s) => states.push(s));
    const got: number[] = [];
    h.source.subscribe((evs) => got.push(...evs.map((e) => e.seq)));
    assert.equal(h.source.state(), 'connecting');
    h.last().receive({ type: 'hello' });
    h.last().receive({ type: 'events', upTo: 2, events: [event(1), event(2)] });
    h.last().receive({ type: 'events', upTo: 3, events: [event(2), event(3)] });
    assert.deepEqual(got, [1, 2, 3]);
    assert.deepEqual(states, ['live']);
    h.source.close();
  });

  it('reconnects with backoff and resumes after the last seq', () => {
    const h = harness();
    h.last().receive({ type: 'hello' });
    h.last().receive({ type: 'events', upTo: 7, events: [event(7)] });
    h.last().close();
    assert.equal(h.source.state(), 'reconnecting');
    h.runRetry();
    assert.equal(h.last().path, '/api/live?after=7');
    h.last().receive({ type: 'hello' });
    assert.equal(h.source.state(), 'live');
    h.source.close();
  });

  it('shows offline after repeated failures and keeps trying', () => {
    const h = harness();
    for (let i = 0; i < 3; i++) {
      h.last().close();
      h.runRetry();
    }
    assert.equal(h.source.state(), 'offline');
    assert.equal(h.sockets.length, 4);
    h.last().receive({ type: 'hello' });
    assert.equal(h.source.state(), 'live');
    h.source.close();
  });

  it('resync tells listeners to reload and starts over without a cursor', () => {
    const h = harness();
    let reloads = 0;
    h.source.onResync(() => reloads++);
    h.last().receive({ type: 'hello' });
    h.last().receive({ type: 'heartbeat', upTo: 40 });
    h.last().receive({ type: 'resync' });
    assert.equal(reloads, 1);
    h.last().close(4000);
    assert.equal(reloads, 2, 'the slow-reader close code also means reload');
    h.runRetry();
    assert.equal(h.last().path, '/api/live');
    h.source.close();
  });

  it('ignores frames that are not JSON and turns a known reply into gone events', () => {
    const h = harness();
    const got: LiveEvent[] = [];
    h.source.subscribe((evs) => got.push(...evs));
    h.last().receive({ type: 'hello', upTo: 9 });
    h.last().onmessage?.({ data: 'not json' });
    h.last().receive({ type: 'known', holding: 1, gone: [{ type: 'incident', id: 'x' }] });
    assert.deepEqual(got.map((e) => [e.seq, e.op, e.type, e.id]), [[9, 'gone', 'incident', 'x']]);
    h.source.close();
    assert.equal(h.source.state(), 'offline');
  });

  it('declares loaded records in the background, 1,000 per message', () => {
    const h = harness();
    h.last().receive({ type: 'hello', upTo: 1 });
    h.source.declareKnown(incidents(100_000));
    assert.equal(h.last().sent.length, 0, 'nothing is sent while the caller renders');
    const ticks = h.runFlushes();
    const sent = h.last().sent;
    assert.equal(sent.length, 100);
    assert.ok(ticks >= 10, 'sent in slices, not all in one tick');
    assert.ok(sent.every((m) => m.type === 'known' && m.records.length === 1000));
    assert.equal(new Set(sent.flatMap((m) => m.records.map((r) => r.id))).size, 100_000);
    h.source.declareKnown(incidents(100_001));
    h.runFlushes();
    assert.deepEqual(h.last().sent.slice(100).map((m) => m.records.map((r) => r.id)), [['i100000']], 'only records not declared before');
    h.source.close();
  });

  it('declares what it holds again on every new connection, and forgets what went', () => {
    const h = harness();
    h.source.declareKnown(incidents(3));
    h.runFlushes();
    assert.equal(h.last().sent.length, 0, 'nothing goes out before hello');
    h.last().receive({ type: 'hello', upTo: 1 });
    h.runFlushes();
    assert.deepEqual(ids(h.last().sent), ['i0', 'i1', 'i2']);
    h.last().receive({ type: 'events', upTo: 3, events: [event(2), { seq: 3, op: 'gone', type: 'incident', id: 'i0' }] });
    h.last().receive({ type: 'known', holding: 1, gone: [{ type: 'incident', id: 'i1' }] });
    h.last().close();
    h.runRetry();
    h.last().receive({ type: 'hello', upTo: 3 });
    h.runFlushes();
    assert.deepEqual(ids(h.last().sent), ['i2']);
    h.source.close();
  });

  it('a resync forgets every held record: the views reload and declare them afresh', () => {
    const h = harness();
    h.last().receive({ type: 'hello', upTo: 1 });
    h.source.declareKnown(incidents(2));
    h.last().receive({ type: 'resync', upTo: 5 });
    assert.equal(h.runFlushes(), 0, 'the declaration of the old lists is dropped');
    h.source.declareKnown(incidents(1));
    h.runFlushes();
    assert.deepEqual(ids(h.last().sent), ['i0']);
    h.source.close();
  });

  it('backoff doubles up to a ceiling', () => {
    assert.deepEqual([0, 1, 2, 10].map((a) => backoffMs(a, () => 0.5)), [500, 1000, 2000, 15000]);
  });
});
