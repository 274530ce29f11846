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
  constructor(readonly path: string) {}
  close(code = 1006): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.({ code });
  }
  send(frame: object): void {
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
    const t = timers.filter((x) => !x.done && x.ms < 45_000).at(-1);
    assert.ok(t, 'a retry is scheduled');
    t.done = true;
    t.fn();
  };
  const last = () => sockets.at(-1) as FakeSocket;
  return { source, sockets, last, runRetry, timers };
}

const event = (seq: number): LiveEvent => ({ seq, op: 'create', type: 'incident', id: `i${seq}`, version: 1, record: {} });

describe('live source', () => {
  it('goes live on hello and hands events to subscribers once', () => {
    const h = harness();
    const states: LinkState[] = [];
    h.source.onState((s) => states.push(s));
    const got: number[] = [];
    h.source.subscribe((evs) => got.push(...evs.map((e) => e.seq)));
    assert.equal(h.source.state(), 'connecting');
    h.last().send({ type: 'hello' });
    h.last().send({ type: 'events', upTo: 2, events: [event(1), event(2)] });
    h.last().send({ type: 'events', upTo: 3, events: [event(2), event(3)] });
    assert.deepEqual(got, [1, 2, 3]);
    assert.deepEqual(states, ['live']);
    h.source.close();
  });

  it('reconnects with backoff and resumes after the last seq', () => {
    const h = harness();
    h.last().send({ type: 'hello' });
    h.last().send({ type: 'events', upTo: 7, events: [event(7)] });
    h.last().close();
    assert.equal(h.source.state(), 'reconnecting');
    h.runRetry();
    assert.equal(h.last().path, '/api/live?after=7');
    h.last().send({ type: 'hello' });
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
    h.last().send({ type: 'hello' });
    assert.equal(h.source.state(), 'live');
    h.source.close();
  });

  it('resync tells listeners to reload and starts over without a cursor', () => {
    const h = harness();
    let reloads = 0;
    h.source.onResync(() => reloads++);
    h.last().send({ type: 'hello' });
    h.last().send({ type: 'heartbeat', upTo: 40 });
    h.last().send({ type: 'resync' });
    assert.equal(reloads, 1);
    h.last().close(4000);
    assert.equal(reloads, 2, 'the slow-reader close code also means reload');
    h.runRetry();
    assert.equal(h.last().path, '/api/live');
    h.source.close();
  });

  it('ignores frames that are not JSON and turns gone into a removal', () => {
    const h = harness();
    const got: LiveEvent[] = [];
    h.source.subscribe((evs) => got.push(...evs));
    h.last().onmessage?.({ data: 'not json' });
    h.last().send({ type: 'gone', recordType: 'incident', id: 'x' });
    assert.deepEqual(got.map((e) => [e.op, e.type, e.id]), [['gone', 'incident', 'x']]);
    h.source.close();
    assert.equal(h.source.state(), 'offline');
  });

  it('backoff doubles up to a ceiling', () => {
    assert.deepEqual([0, 1, 2, 10].map((a) => backoffMs(a, () => 0.5)), [500, 1000, 2000, 15000]);
  });
});
