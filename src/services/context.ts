import type { SiteRow, Store } from '../storage/ports.ts';
import type { AreaLookup } from './area-lookup.ts';
import type { CredentialCache } from './credential-cache.ts';

/** What every service needs: the store, this site, and a clock (tests pin it). */
export interface ServiceContext {
  store: Store;
  site: SiteRow;
  now: () => Date;
  /** Signed-in principals by credential hash; cleared by every change to accounts or sessions. */
  credentials: CredentialCache;
  /** Admin areas and JCC areas in memory, for the lookups every incident write makes. */
  areas: AreaLookup;
}

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  ip?: string | null;
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
