/**
 * Builds web/dist when it is missing or older than its sources (`npm start`, `npm install`, the
 * end-to-end harness); `--force` always builds (`npm run build:web`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

type ViteModule = typeof Vite;

const WEB = fileURLToPath(new URL('.', import.meta.url));
const DIST_INDEX = join(WEB, 'dist', 'index.html');
const SOURCES = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), s.mtimeMs);
}

export function webBuildIsStale(): boolean {
  return !existsSync(DIST_INDEX) || statSync(DIST_INDEX).mtimeMs < Math.max(...SOURCES.map(newestMtime));
}

/** Runs Vite's production build; false (with a message) when Vite is not installed (`npm install --omit=dev`). */
export async function buildWeb(): Promise<boolean> {
  let vite: ViteModule;
  try {
    vite = await import('vite');
  } catch {
    console.error('web: Vite is not installed, so web/dist cannot be built (install the dev dependencies)');
    return false;
  }
  await vite.build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

export async function ensureWebBuilt(force = false): Promise<void> {
  if (!force && !webBuildIsStale()) return;
  console.error('web: building the operations room into web/dist …');
  await buildWeb();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuilt(process.argv.includes('--force')).catch((e: unknown) => {
    console.error(`web: build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
