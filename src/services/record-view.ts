import { formatScope, type Principal, type StoredRecord } from '../core/model/common.ts';

/** A record as a reader receives it. Staff account ids of the other party are not theirs to see. */
export interface RecordView {
  id: string;
  type: string;
  originParty: string;
  originSite: string;
  version: number;
  scope: string;
  tlp: string;
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  data: unknown;
}

export function toView(p: Principal, r: StoredRecord): RecordView {
  const own = r.originParty === p.party;
  return {
    id: r.id,
    type: r.type,
    originParty: r.originParty,
    originSite: r.originSite,
    version: r.version,
    scope: formatScope(r.scope),
    tlp: r.tlp,
    draft: r.draft,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    createdBy: own ? r.createdBy : null,
    updatedBy: own ? r.updatedBy : null,
    data: r.data,
  };
}
