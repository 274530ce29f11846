import { after, describe } from 'node:test';
import { accountsContract } from './contract/accounts.contract.ts';
import { chainContract } from './contract/chain.contract.ts';
import { coverageSnapshotsContract } from './contract/coverage-snapshots.contract.ts';
import { filterPropertyContract } from './contract/filter-property.contract.ts';
import { leakContract } from './contract/leak.contract.ts';
import { listContract } from './contract/list.contract.ts';
import { recordsContract } from './contract/records.contract.ts';
import { referenceContract } from './contract/reference.contract.ts';
import { schemaContract } from './contract/schema.contract.ts';
import type { Store } from './ports.ts';

/**
 * The behaviour every backend must show (DESIGN §7). `open` must return a new, empty, not yet
 * migrated store on every call: each group below gets its own, so groups cannot disturb each
 * other's sequences and visibility sets. `cleanup` runs once, after the last group.
 */
export function storeContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`Store contract: ${name}`, () => {
    const migrated = async (): Promise<Store> => {
      const store = await open();
      await store.migrate();
      return store;
    };
    schemaContract(open);
    recordsContract(migrated);
    chainContract(migrated);
    listContract(migrated);
    filterPropertyContract(migrated);
    leakContract(migrated);
    accountsContract(migrated);
    referenceContract(migrated);
    coverageSnapshotsContract(migrated);
    if (cleanup) after(cleanup);
  });
}
