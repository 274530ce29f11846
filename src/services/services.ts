import { notifyingCommits } from '../realtime/commit-hook.ts';
import { LiveHub } from '../realtime/live-hub.ts';
import type { SiteRow, Store } from '../storage/ports.ts';
import { AuditService } from './audit.service.ts';
import { AuthService } from './auth.service.ts';
import type { ServiceContext } from './context.ts';
import { CoverageService, mayReceive } from './coverage.service.ts';
import { AreaLookup } from './area-lookup.ts';
import { CredentialCache } from './credential-cache.ts';
import { OperationService } from './operation.service.ts';
import { RecordService } from './record.service.ts';
import { ReferenceService } from './reference.service.ts';
import { PdfRenderer } from './pdf.ts';
import { SitrepService } from './sitrep.service.ts';
import { StatsService } from './stats.service.ts';
import { UserService } from './user.service.ts';

export interface Services {
  ctx: ServiceContext;
  records: RecordService;
  /** The live feed: record changes and notices pushed to signed-in clients. */
  live: LiveHub;
  operations: OperationService;
  auth: AuthService;
  users: UserService;
  reference: ReferenceService;
  audit: AuditService;
  coverage: CoverageService;
  stats: StatsService;
  sitrep: SitrepService;
}

export function createServices(store: Store, site: SiteRow, now: () => Date = () => new Date()): Services {
  const live = new LiveHub(store);
  // Every committed write nudges the live feed; it reads the events itself, in seq order.
  const ctx: ServiceContext = { store: notifyingCommits(store, () => live.nudge()), site, now, credentials: new CredentialCache(), areas: new AreaLookup(store) };
  const records = new RecordService(ctx);
  const reference = new ReferenceService(ctx);
  const coverage = new CoverageService(ctx, records, reference);
  // A new gap analysis is announced to those who would get the same result (the same sources).
  coverage.onResult((a) => live.publishNotice('coverage-result', { regionKey: a.regionKey, computedAt: a.computedAt, areas: a.areas }, (p) => mayReceive(p, a)));
  const stats = new StatsService(ctx, records, coverage);
  return {
    ctx,
    records,
    live,
    operations: new OperationService(ctx, records),
    auth: new AuthService(ctx),
    users: new UserService(ctx),
    reference,
    audit: new AuditService(ctx),
    coverage,
    stats,
    sitrep: new SitrepService(ctx, records, stats, reference, new PdfRenderer(), coverage),
  };
}
