/**
 * A progress bar for long imports, written to stderr so stdout stays clean for results.
 * On a terminal it redraws one line (at most 10 times a second); elsewhere (CI logs, pipes) it
 * prints a plain line now and then, because carriage returns make a mess of a log file.
 */

export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  label: string;
  /** Formats an amount: a count of records by default, or bytes. */
  format?: (n: number) => string;
  /** Unit after the amount and in the rate, e.g. `features`; empty for bytes. */
  unit?: string;
  /** Overrides the stream's own TTY flag (tests). */
  tty?: boolean;
  now?: () => number;
  redrawMs?: number;
  lineMs?: number;
  /** Draw nothing for this long, so a quick job leaves no bar behind. Default 0. */
  quietMs?: number;
}

const RATE_WINDOW_MS = 5000;

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class ProgressBar {
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly format: (n: number) => string;
  private readonly unit: string;
  private readonly redrawMs: number;
  private readonly lineMs: number;
  private readonly started: number;
  // Recent (time, done) samples: the rate over the last few seconds follows a changing speed
  // better than the average since the start.
  private samples: { t: number; done: number }[] = [];
  private done = 0;
  private total: number | null = null;
  private readonly quietUntil: number;
  private lastDraw: number;
  private drawn = false;
  private stopped = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly opts: ProgressOptions,
  ) {
    this.tty = opts.tty ?? stream.isTTY === true;
    this.now = opts.now ?? (() => performance.now());
    this.format = opts.format ?? formatCount;
    this.unit = opts.unit ?? '';
    this.redrawMs = opts.redrawMs ?? 100;
    this.lineMs = opts.lineMs ?? 5000;
    this.started = this.now();
    this.quietUntil = this.started + (opts.quietMs ?? 0);
    // Plain lines start one interval in: a short job logs nothing but its summary.
    this.lastDraw = this.tty ? -Infinity : this.started;
    this.samples.push({ t: this.started, done: 0 });
  }

  update(done: number, total: number | null = this.total): void {
    if (this.stopped) return;
    this.done = done;
    this.total = total;
    const t = this.now();
    this.samples.push({ t, done });
    while (this.samples.length > 2 && t - this.samples[1]!.t > RATE_WINDOW_MS) this.samples.shift();
    const complete = total !== null && done >= total;
    if (t < this.quietUntil) return;
    if (t - this.lastDraw < (this.tty ? this.redrawMs : this.lineMs) && !(complete && this.tty)) return;
    this.lastDraw = t;
    this.draw();
  }

  /** Shows the final state; on a terminal the finished bar stays on screen. */
  finish(): void {
    if (this.stopped) return;
    if (this.tty) this.draw();
    this.stop();
  }

  /** Ends the bar's line (before an error message) without drawing again. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.tty && this.drawn) this.stream.write('\n');
  }

  /** Amount per second over the recent window. */
  rate(): number {
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    const seconds = (last.t - first.t) / 1000;
    return seconds > 0 ? (last.done - first.done) / seconds : 0;
  }

  /** The status text without the bar: percentage, amount, rate and time left. */
  status(): string {
    const { done, total } = this;
    const unit = this.unit ? ` ${this.unit}` : '';
    const rate = this.rate();
    const parts: string[] = [];
    if (total !== null && total > 0) parts.push(`${Math.min(100, Math.floor((done / total) * 100)).toString().padStart(3)}%`);
    parts.push(total !== null ? `${this.format(done)}/${this.format(total)}${unit}` : `${this.format(done)}${unit}`);
    if (rate > 0) parts.push(`${this.format(rate)}${unit}/s`);
    if (total !== null && done < total && rate > 0) parts.push(`ETA ${formatDuration((total - done) / rate)}`);
    else if (total !== null && done >= total) parts.push(`in ${formatDuration((this.now() - this.started) / 1000)}`);
    return parts.join('  ');
  }

  private draw(): void {
    const status = this.status();
    if (!this.tty) {
      this.stream.write(`${this.opts.label}: ${status}\n`);
      return;
    }
    const columns = this.stream.columns ?? 80;
    const fixed = this.opts.label.length + status.length + 5;
    const width = Math.max(0, Math.min(30, columns - fixed - 1));
    let bar = '';
    if (width >= 10 && this.total !== null && this.total > 0) {
      const filled = Math.round(Math.min(1, this.done / this.total) * width);
      bar = ` [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    }
    // \r and erase-to-end-of-line: redraw in place without leftovers from a longer line.
    this.stream.write(`\r${`${this.opts.label}${bar} ${status}`.slice(0, columns - 1)}\x1b[K`);
    this.drawn = true;
  }
}
