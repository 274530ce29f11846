import type { Principal, RecordMeta, Role } from '../model/common.ts';
import type { RecordKind } from '../model/kinds.ts';

/**
 * The one access function (DESIGN §4). Every read — REST, lists, counts, search, exports,
 * realtime, sync — goes through `canRead` or through `ReadFilter`, its translation into a
 * query predicate that storage backends apply in SQL. The contract suite checks that both
 * agree on every combination, so paging and counts cannot leak what `canRead` hides.
 */
export interface ReadFilter {
  party: Principal['party'];
  userId: string;
  /** Whether the reader may see TLP:RED records of their own party that they did not write. */
  seesRed: boolean;
  jccIds: readonly string[];
}

const RED_READERS: readonly Role[] = ['commander', 'admin'];
const RELEASERS: readonly Role[] = ['liaison', 'commander', 'admin'];

const hasAny = (p: Principal, roles: readonly Role[]): boolean => p.roles.some((r) => roles.includes(r));

export function readFilterFor(p: Principal): ReadFilter {
  return { party: p.party, userId: p.userId, seesRed: hasAny(p, RED_READERS), jccIds: [...p.jccIds] };
}

/** The predicate itself, on one record's envelope. Default deny. */
export function isVisible(f: ReadFilter, m: Pick<RecordMeta, 'originParty' | 'createdBy' | 'tlp' | 'draft' | 'deleted' | 'scope'>): boolean {
  if (m.deleted) return false;
  if (m.originParty === f.party) return m.tlp !== 'red' || f.seesRed || m.createdBy === f.userId;
  // The other party: only what was released, is not a draft and is not TLP:RED.
  if (m.draft || m.tlp === 'red') return false;
  if (m.scope.kind === 'bilateral') return true;
  if (m.scope.kind === 'jcc') return m.scope.jccIds.some((id) => f.jccIds.includes(id));
  return false;
}

export const canRead = (p: Principal, m: RecordMeta): boolean => isVisible(readFilterFor(p), m);

export type WriteAction = 'create' | 'update' | 'delete' | 'release';

/**
 * Whether `p` may perform `action`; for existing records the caller has already checked
 * `canRead` (an unreadable record is "not found", never "forbidden"). Only the origin party
 * writes a record (single writer): the other side adds records that point at it instead.
 */
export function canWrite(p: Principal, kind: RecordKind, action: WriteAction, meta?: RecordMeta): boolean {
  if (meta && meta.originParty !== p.party) return false;
  if (p.roles.includes('admin')) return true;
  if (action === 'release') return hasAny(p, RELEASERS);
  return hasAny(p, kind.writeRoles);
}

/** Reference data (places, admin areas) is public; only these roles maintain it. */
export const canEditReference = (p: Principal): boolean => hasAny(p, ['admin', 'analyst']);
export const isAdmin = (p: Principal): boolean => p.roles.includes('admin');
