import type { SiteRow, Store } from '../storage/ports.ts';

/** What every service needs: the store, this site, and a clock (tests pin it). */
export interface ServiceContext {
  store: Store;
  site: SiteRow;
  now: () => Date;
}

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  ip?: string | null;
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
