import type { ApiClient } from '../app/contracts.ts';

/** A record as the HTTP API returns it (src/services/record-view.ts). */
export interface RecordView<D = Record<string, unknown>> {
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
  data: D;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const RECORD_PLURALS = {
  incident: 'incidents',
  unit: 'units',
  checkpoint: 'checkpoints',
  jcc: 'jccs',
  operation: 'operations',
  meeting: 'meetings',
  'agreement-point': 'agreement-points',
  'action-item': 'action-items',
  report: 'reports',
  'force-line': 'force-lines',
} as const;
export type RecordType = keyof typeof RECORD_PLURALS;

const PAGE = 500;
/** Enough for the map of one theatre; a runaway cursor loop stops here instead of hanging the tab. */
const MAX_PAGES = 400;

/** Every record of a type the user may read, following the cursor. */
export async function listAll<D>(api: ApiClient, type: RecordType, query: Record<string, string | undefined> = {}): Promise<RecordView<D>[]> {
  const out: RecordView<D>[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api.get<Page<RecordView<D>>>(`/${RECORD_PLURALS[type]}`, { ...query, limit: PAGE, cursor });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}
