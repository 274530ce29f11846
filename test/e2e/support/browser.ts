import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.ts';

export const CHROMIUM = process.env['TANSIQ_CHROMIUM'] ?? '/usr/bin/chromium';
export const chromiumMissing = (): string | false => (existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed: browser tests skipped`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The page's localStorage (the root tsconfig has no DOM types: this code runs in the browser). */
export interface PageStorage {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

export interface HookState {
  counts: Record<string, number>;
  renders: number;
}

/** Reads `window.__tansiq` (web/src/app/test-hook.ts). */
export const hookState = (page: Page): Promise<HookState | null> =>
  page.evaluate(() => {
    const h = (globalThis as unknown as { __tansiq?: HookState }).__tansiq;
    return h ? { counts: { ...h.counts }, renders: h.renders } : null;
  });

/** Opens the app in `lang`, signs in as a demo user and waits for the shell. */
export async function signIn(page: Page, baseUrl: string, username: string, lang: 'ar' | 'ckb' | 'en' = 'en'): Promise<void> {
  // Only a fresh profile gets the language: a later switch in the UI must survive a reload.
  await page.addInitScript((l) => {
    const storage = (globalThis as unknown as { localStorage: PageStorage }).localStorage;
    if (storage.getItem('tansiq.lang') === null) storage.setItem('tansiq.lang', l);
  }, lang);
  await page.goto(baseUrl);
  await page.locator('input[name=username]').waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
    throw new Error(`no sign-in form: ${String(e)}\n${(await page.content()).slice(0, 600)}`);
  });
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('.top-bar').waitFor({ timeout: 20_000 });
}

/** Waits until the map has drawn its layers with at least `min` features on each named layer. */
export async function waitForLayers(page: Page, min: Record<string, number>, timeoutMs = 30_000): Promise<HookState> {
  const deadline = Date.now() + timeoutMs;
  let last: HookState | null = null;
  while (Date.now() < deadline) {
    last = await hookState(page);
    if (last && Object.entries(min).every(([k, n]) => (last?.counts[k] ?? 0) >= n)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`map layers did not load: ${JSON.stringify(last)}`);
}
