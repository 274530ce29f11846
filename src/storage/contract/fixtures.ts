import { after, before } from 'node:test';
import type { Party, RecordType, Scope, StoredRecord, Tlp } from '../../core/model/common.ts';
import type { RecordIndex } from '../../core/model/kinds.ts';
import { uuidv7 } from '../../core/ids/uuidv7.ts';
import type { Store } from '../ports.ts';
import { seededRandom } from '../../core/random/seeded-random.ts';

export const prng = seededRandom;

export const pickOf = (rnd: () => number) => <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

export const JCC = [
  '0190a000-0000-7000-8000-00000000000a',
  '0190a000-0000-7000-8000-00000000000b',
  '0190a000-0000-7000-8000-00000000000c',
  '0190a000-0000-7000-8000-00000000000d',
  '0190a000-0000-7000-8000-00000000000e',
] as const;

export const T = (iso: string): string => new Date(iso).toISOString();

export interface RecordSpec {
  id?: string;
  type?: RecordType;
  originParty?: Party;
  scope?: Scope;
  tlp?: Tlp;
  draft?: boolean;
  deleted?: boolean;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
  data?: unknown;
  index?: Partial<RecordIndex>;
}

export function makeRecord(s: RecordSpec = {}): { rec: StoredRecord; index: RecordIndex } {
  const createdAt = s.createdAt ?? T('2024-03-01T08:00:00Z');
  const rec: StoredRecord = {
    id: s.id ?? uuidv7(),
    type: s.type ?? 'incident',
    originParty: s.originParty ?? 'peshmerga',
    originSite: 'site-1',
    version: s.version ?? 1,
    scope: s.scope ?? { kind: 'bilateral' },
    tlp: s.tlp ?? 'green',
    draft: s.draft ?? false,
    deleted: s.deleted ?? false,
    createdAt,
    updatedAt: s.updatedAt ?? createdAt,
    createdBy: s.createdBy ?? 'user-1',
    updatedBy: s.createdBy ?? 'user-1',
    data: s.data ?? { title: 'An incident', n: 1, nested: { ar: 'خضر جيجة', list: [1, 2.5, null, true] } },
  };
  const index: RecordIndex = { bbox: null, tStart: null, tEnd: null, status: null, jccId: null, search: '', draft: rec.draft, ...s.index };
  return { rec, index };
}

export async function insertAll(store: Store, items: { rec: StoredRecord; index: RecordIndex }[]): Promise<void> {
  await store.write(async (tx) => {
    for (const { rec, index } of items) await tx.insertRecord(rec, index);
  });
}

export const viewer = { party: 'peshmerga' as const, userId: 'user-1', seesRed: true, jccIds: [] as string[] };

/** Opens one store for the enclosing `describe` and closes it after its last test. */
export function withStore(open: () => Promise<Store>): () => Store {
  let store: Store | undefined;
  before(async () => {
    store = await open();
  });
  after(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error('the store did not open (see the before hook failure)');
    return store;
  };
}
