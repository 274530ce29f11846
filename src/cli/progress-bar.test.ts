import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatDuration, ProgressBar } from './progress-bar.ts';

function sink(isTTY: boolean): { writes: string[]; stream: { write: (s: string) => boolean; isTTY: boolean; columns: number } } {
  const writes: string[] = [];
  return { writes, stream: { write: (s) => writes.push(s) > 0, isTTY, columns: 100 } };
}

void describe('progress bar', () => {
  void it('redraws one line on a terminal at most every 100 ms, and keeps the final bar', () => {
    let t = 0;
    const { writes, stream } = sink(true);
    const bar = new ProgressBar(stream, { label: 'importing', unit: 'features', now: () => t });
    for (let i = 1; i <= 100; i++) {
      t = i * 10; // 10 ms apart: 1 s in all
      bar.update(i * 10, 1000);
    }
    assert.ok(writes.length <= 11, `${writes.length} redraws in 1 s`);
    assert.ok(writes.every((w) => w.startsWith('\r')));
    bar.update(1000, 1000);
    bar.finish();
    const last = writes.at(-2)!;
    assert.match(last, /100%/);
    assert.match(last, /1,000\/1,000 features/);
    assert.equal(writes.at(-1), '\n');
  });

  void it('shows percentage, count, rate and time left', () => {
    let t = 0;
    const { stream } = sink(true);
    const bar = new ProgressBar(stream, { label: 'x', unit: 'features', now: () => t });
    t = 2000;
    bar.update(500, 2000);
    const status = bar.status();
    assert.match(status, / 25%/);
    assert.match(status, /500\/2,000 features/);
    assert.match(status, /250 features\/s/);
    assert.match(status, /ETA 6s/);
  });

  void it('prints plain lines now and then when stderr is not a terminal', () => {
    let t = 0;
    const { writes, stream } = sink(false);
    const bar = new ProgressBar(stream, { label: 'importing', now: () => t, lineMs: 5000 });
    for (let s = 1; s <= 20; s++) {
      t = s * 1000;
      bar.update(s, 20);
    }
    bar.finish();
    assert.equal(writes.length, 4);
    assert.ok(writes.every((w) => !w.includes('\r') && w.endsWith('\n') && w.startsWith('importing: ')));
  });

  void it('works without a known total', () => {
    let t = 0;
    const { stream } = sink(true);
    const bar = new ProgressBar(stream, { label: 'verifying', unit: 'entries', now: () => t });
    t = 1000;
    bar.update(3000, null);
    assert.equal(bar.status(), '3,000 entries  3,000 entries/s');
  });

  void it('formats bytes and durations', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(5 * 1024 * 1024), '5.0 MiB');
    assert.equal(formatDuration(59.4), '59s');
    assert.equal(formatDuration(65), '1m05s');
    assert.equal(formatDuration(7260), '2h01m');
  });
});
