import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../store.contract.ts';
import { openSqliteStore } from './sqlite.store.ts';

storeContract('sqlite :memory:', () => Promise.resolve(openSqliteStore({ path: ':memory:' })));

const dir = mkdtempSync(join(tmpdir(), 'tansiq-sqlite-'));
let n = 0;
storeContract(
  'sqlite file (WAL, synchronous=FULL)',
  () => Promise.resolve(openSqliteStore({ path: join(dir, `store-${++n}.sqlite`) })),
  () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
);
