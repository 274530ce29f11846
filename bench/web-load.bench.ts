/**
 * First load of the operations room and panning with 100,000 incidents, in headless Chromium
 * without a GPU (`npm run bench -- --only=web`). Client-side figures, measured in the page.
 */
import { gzipSync } from 'node:zlib';
import { chromiumMissing, launchBrowser, signIn, type PageStorage } from '../test/e2e/support/browser.ts';
import { ensureWebBuilt } from '../web/build.ts';
import { DEMO_PASSWORD, startServer } from '../test/e2e/support/server.ts';
import { percentile, round } from './support/stats.ts';

export interface WebLoadResult {
  jsFiles: number;
  jsRawBytes: number;
  jsGzipBytes: number;
  jsTransferredBytes: number;
  cssRawBytes: number;
  firstMapMs: number;
  incidentsInjected: number;
  injectMs: number;
  panFrames: number;
  panFps: number;
  panFrameP50Ms: number;
  panFrameP95Ms: number;
  /** The same map panned the same way with every layer hidden: the reference the figure is read against. */
  refPanFps: number;
  refPanFrameP50Ms: number;
}

/** 100,000 incidents spread over the theatre and the scenario's half year (plain JS: runs in the page). */
const injectScript = (n: number) => `(() => {
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const records = [];
  for (let i = 0; i < ${n}; i++) {
    records.push({ id: 'bench-' + i, type: 'incident', originParty: 'peshmerga', originSite: 'bench', version: 1, scope: 'own', tlp: 'green', draft: false,
      createdAt: '2021-12-31T00:00:00Z', updatedAt: '2021-12-31T00:00:00Z', createdBy: null, updatedBy: null,
      data: { title: 'bench', occurredAt: new Date(Date.UTC(2021, 6, 1) + rnd() * 180 * 86400000).toISOString(),
        location: { type: 'Point', coordinates: [42.2 + rnd() * 3.8, 34.0 + rnd() * 2.6] }, killed: { civilian: rnd() < 0.2 ? 1 : 0 }, wounded: {} } });
  }
  const t0 = performance.now();
  window.__tansiq.addRecords(records);
  return performance.now() - t0;
})()`;

/** Pans with every layer hidden, then shows them again: what the bare map and the page cost per frame. */
const referencePanScript = (ms: number) => `(async () => {
  const layers = window.__tansiq.map.getLayers().getArray();
  const shown = layers.map((l) => l.getVisible());
  layers.forEach((l) => l.setVisible(false));
  await new Promise((r) => setTimeout(r, 500));
  const intervals = await window.__tansiq.panFrames(${ms});
  layers.forEach((l, i) => l.setVisible(shown[i]));
  return intervals;
})()`;

const fps = (intervals: number[]) => round(1000 / (intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length)));

export async function benchWebLoad(opts: { quick?: boolean } = {}): Promise<WebLoadResult | { skipped: string }> {
  const missing = chromiumMissing();
  if (missing) return { skipped: missing };
  await ensureWebBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    // Warm the server's caches (first list reads, gap analysis) so the figure is the client's.
    const warm = await browser.newPage();
    await signIn(warm, server.url, 'peshmerga-commander', 'en');
    await warm.waitForFunction(() => (globalThis as unknown as { __tansiq?: { readyAt?: number } }).__tansiq?.readyAt !== undefined, undefined, { timeout: 60_000 });
    await warm.context().close();

    // Signed in through the API, so the measured navigation goes straight to the map with a cold cache.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const login = await context.request.post(`${server.url}/api/session`, { headers: { origin: server.url }, data: { username: 'peshmerga-commander', password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    const js: { raw: number; gzip: number; transferred: number }[] = [];
    let css = 0;
    const bodies: Promise<void>[] = [];
    page.on('response', (r) => {
      const url = r.url();
      if (!url.endsWith('.js') && !url.endsWith('.css')) return;
      bodies.push(r.body().then(async (body) => {
        if (url.endsWith('.css')) css += body.length;
        else js.push({ raw: body.length, gzip: gzipSync(body).length, transferred: (await r.request().sizes()).responseBodySize });
      }).catch(() => undefined));
    });
    await page.addInitScript(() => (globalThis as unknown as { localStorage: PageStorage }).localStorage.setItem('tansiq.lang', 'en'));
    await page.goto(server.url);
    const readyAt = (await page.waitForFunction(() => (globalThis as unknown as { __tansiq?: { readyAt?: number } }).__tansiq?.readyAt, undefined, { timeout: 60_000 }).then((h) => h.jsonValue())) as number;
    await Promise.all(bodies);

    const n = opts.quick ? 20_000 : 100_000;
    const injectMs = (await page.evaluate(injectScript(n))) as number;
    await page.waitForTimeout(1_000);
    const panMs = opts.quick ? 2000 : 5000;
    const intervals = (await page.evaluate(`window.__tansiq.panFrames(${panMs})`)) as number[];
    const sorted = [...intervals].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const reference = (await page.evaluate(referencePanScript(panMs))) as number[];
    return {
      jsFiles: js.length,
      jsRawBytes: js.reduce((a, f) => a + f.raw, 0),
      jsGzipBytes: js.reduce((a, f) => a + f.gzip, 0),
      jsTransferredBytes: js.reduce((a, f) => a + f.transferred, 0),
      cssRawBytes: css,
      firstMapMs: round(readyAt),
      incidentsInjected: n,
      injectMs: round(injectMs),
      panFrames: intervals.length,
      panFps: fps(intervals),
      panFrameP50Ms: round(p50),
      panFrameP95Ms: round(percentile(sorted, 95)),
      refPanFps: fps(reference),
      refPanFrameP50Ms: round(percentile([...reference].sort((a, b) => a - b), 50)),
    };
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}
