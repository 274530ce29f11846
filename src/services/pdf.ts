/**
 * HTML to PDF through the Debian `chromium` package, run headless on a temporary file. Chromium is
 * an optional system dependency: without it the PDF format answers UNAVAILABLE, the HTML still works.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TansiqError } from '../core/errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_MS = 60_000;
/** Each render is a whole browser: on a small server, one at a time, the others wait their turn. */
const CONCURRENT_RENDERS = 1;
const MAX_WAITING = 8;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
];

export interface PdfOptions {
  /** The chromium executable; TANSIQ_CHROMIUM or /usr/bin/chromium by default. */
  executable?: string;
  timeoutMs?: number;
}

const unavailable = (message: string): TansiqError => new TansiqError('UNAVAILABLE', message);

export class PdfRenderer {
  readonly executable: string;
  private readonly timeoutMs: number;
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(opts: PdfOptions = {}) {
    this.executable = opts.executable ?? process.env['TANSIQ_CHROMIUM'] ?? DEFAULT_CHROMIUM;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  available(): boolean {
    try {
      accessSync(this.executable, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** A PDF of a self-contained HTML page (no network: the page must carry everything it shows). */
  pdf(html: string): Promise<Buffer> {
    return this.withBrowser(html, 'report.pdf', ['--no-pdf-header-footer', '--print-to-pdf-no-header']);
  }

  /** A PNG of the page's first screen, `width` CSS pixels wide (documentation screenshots). */
  png(html: string, width = 1000, height = 1400): Promise<Buffer> {
    return this.withBrowser(html, 'report.png', [`--window-size=${width},${height}`, '--hide-scrollbars'], '--screenshot');
  }

  private async withBrowser(html: string, outName: string, extra: string[], outFlag = '--print-to-pdf'): Promise<Buffer> {
    if (!this.available()) throw unavailable(`PDF output needs chromium at ${this.executable} (Debian package "chromium"); the HTML format works without it`);
    await this.acquire();
    const dir = await mkdtemp(join(tmpdir(), 'tansiq-render-'));
    try {
      const page = join(dir, 'report.html');
      const out = join(dir, outName);
      await writeFile(page, html, 'utf8');
      await this.run([...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, ...extra, `${outFlag}=${out}`, pathToFileURL(page).href]);
      const bytes = await readFile(out).catch(() => {
        throw unavailable('chromium finished without writing its output');
      });
      if (bytes.length === 0) throw unavailable('chromium wrote an empty file');
      return bytes;
    } finally {
      await rm(dir, { recursive: true, force: true });
      this.release();
    }
  }

  private run(args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      // Its own process group, so a timeout ends chromium's helper processes too.
      const child = spawn(this.executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        if (stderr.length < 4000) stderr += d.toString();
      });
      const timer = setTimeout(() => {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
        reject(unavailable(`chromium did not finish within ${Math.round(this.timeoutMs / 1000)} s`));
      }, this.timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(unavailable(`chromium could not start: ${e.message}`));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(unavailable(`chromium failed (${signal ?? `exit ${code}`}): ${lastLine(stderr)}`));
      });
    });
  }

  private async acquire(): Promise<void> {
    if (this.running < CONCURRENT_RENDERS) {
      this.running += 1;
      return;
    }
    if (this.queue.length >= MAX_WAITING) throw new TansiqError('RATE_LIMITED', 'too many reports are being rendered: try again in a minute', { details: { retryAfterSeconds: 30 } });
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  // The slot passes straight to the next in line, so `running` never drops while someone waits.
  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running -= 1;
  }
}

const lastLine = (text: string): string => text.trim().split('\n').filter((l) => !/dbus|Fontconfig/i.test(l)).pop()?.slice(0, 300) ?? 'no message';
