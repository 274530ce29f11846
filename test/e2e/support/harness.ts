import type { Browser } from 'playwright-core';
import { ensureWebBuilt } from '../../../web/build.ts';
import { chromiumMissing, launchBrowser } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Everything a browser test needs: web/dist built if stale, a server with the demo on a free
 * port, chromium. `close` always stops both, so a failing test leaves no process behind.
 */
export async function openHarness(): Promise<Harness> {
  await ensureWebBuilt();
  const server: TestServer = await startServer();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

export { chromiumMissing };
