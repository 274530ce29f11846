import type { SiteRow, Store } from '../storage/ports.ts';
import { AuditService } from './audit.service.ts';
import { AuthService } from './auth.service.ts';
import { AreaLookup } from './area-lookup.ts';
import type { ServiceContext } from './context.ts';
import { CredentialCache } from './credential-cache.ts';
import { OperationService } from './operation.service.ts';
import { RecordService } from './record.service.ts';
import { ReferenceService } from './reference.service.ts';
import { UserService } from './user.service.ts';

export interface Services {
  ctx: ServiceContext;
  records: RecordService;
  operations: OperationService;
  auth: AuthService;
  users: UserService;
  reference: ReferenceService;
  audit: AuditService;
}

export function createServices(store: Store, site: SiteRow, now: () => Date = () => new Date()): Services {
  const ctx: ServiceContext = { store, site, now, credentials: new CredentialCache(), areas: new AreaLookup(store) };
  const records = new RecordService(ctx);
  return {
    ctx,
    records,
    operations: new OperationService(ctx, records),
    auth: new AuthService(ctx),
    users: new UserService(ctx),
    reference: new ReferenceService(ctx),
    audit: new AuditService(ctx),
  };
}
