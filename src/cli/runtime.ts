/** Opening the configured database and the services over it: the same steps for every command. */
import { validationError } from '../core/errors.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import type { Party } from '../core/model/common.ts';
import { createServices, type Services } from '../services/services.ts';
import { openStore } from '../storage/open-store.ts';
import type { SiteRow, Store } from '../storage/ports.ts';
import type { StoreConfig } from './config.ts';
import { println, type CliIo } from './output.ts';

export interface Runtime {
  config: StoreConfig;
  store: Store;
  site: SiteRow;
  services: Services;
}

const defaultSiteName = (party: Party): string => `${party === 'peshmerga' ? 'Peshmerga' : 'Federal'} site`;

export function openConfiguredStore(c: StoreConfig): Promise<Store> {
  return openStore({ ...(c.databaseUrl ? { databaseUrl: c.databaseUrl } : {}), ...(c.databaseUrl && c.pgSchema ? { pgSchema: c.pgSchema } : {}), dataDir: c.dataDir });
}

/**
 * Opens the store, brings its schema up to date and makes sure it belongs to a site. Migrating
 * here, not only in `db migrate`, lets every command work on a fresh data directory.
 */
export async function openRuntime(c: StoreConfig, io: CliIo): Promise<Runtime> {
  const store = await openConfiguredStore(c);
  try {
    await store.migrate();
    const existing = await store.getSite();
    if (existing && existing.party !== c.siteParty && c.sitePartySource !== 'default') {
      // Serving one force's data as the other's would defeat every access rule built on the party.
      throw validationError(`this database belongs to the ${existing.party} site "${existing.name}", not to the ${c.siteParty} party; use another data directory or database`, [
        { path: c.sitePartySource === 'flag' ? '--site-party' : 'TANSIQ_SITE_PARTY', message: `the database's party is ${existing.party}` },
      ]);
    }
    if (existing && c.siteName && c.siteName !== existing.name) {
      println(io.stderr, `note: this site is already named "${existing.name}"; the site name is set only when a database is first used`);
    }
    const site = existing ?? (await store.ensureSite({ id: uuidv7(), name: c.siteName ?? defaultSiteName(c.siteParty), party: c.siteParty, createdAt: new Date().toISOString() }));
    return { config: c, store, site, services: createServices(store, site) };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** Runs `fn` with an open runtime and always closes the store, even when `fn` fails. */
export async function withRuntime<T>(c: StoreConfig, io: CliIo, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(c, io);
  try {
    return await fn(rt);
  } finally {
    await rt.store.close();
  }
}
