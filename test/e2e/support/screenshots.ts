/**
 * `npm run screenshots`: the main views in Arabic, Sorani and English, 1400×900 PNG, into
 * docs/screenshots/ (a fresh demo server, the same harness as the browser tests).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signIn, waitForLayers } from './browser.ts';
import { chromiumMissing, openHarness } from './harness.ts';

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const LANGS = ['ar', 'ckb', 'en'] as const;
const VIEWS = ['map', 'desk', 'dashboard', 'sitrep'] as const;

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) {
    console.error(missing);
    process.exitCode = 1;
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const h = await openHarness();
  try {
    for (const lang of LANGS) {
      const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await signIn(page, h.url, 'peshmerga-commander', lang);
      await waitForLayers(page, { units: 1, incidentsTotal: 1, admin: 1 });
      for (const view of VIEWS) {
        await page.locator(`[data-nav=${view}]`).click();
        await page.locator(`.workspace[data-view=${view}]`).waitFor();
        // Let the view fetch and draw (lists, charts, the server-rendered report).
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.waitForTimeout(view === 'map' ? 1500 : 800);
        const file = `${OUT}${view}-${lang}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  } finally {
    await h.close();
  }
}

await main();
