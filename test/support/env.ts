import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp, type AppOptions } from '../../src/http/app.ts';
import { SESSION_COOKIE } from '../../src/http/auth.hook.ts';
import { uuidv7 } from '../../src/core/ids/uuidv7.ts';
import { PARTIES, ROLES, type Party, type Principal, type Role } from '../../src/core/model/common.ts';
import type { Store } from '../../src/storage/ports.ts';
import { openPostgresStore } from '../../src/storage/postgres/postgres.store.ts';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite.store.ts';
import { createServices, type Services } from '../../src/services/services.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
export const KIRKUK: [number, number] = [44.39, 35.47];
export const MAKHMOUR: [number, number] = [43.58, 35.78];

export interface TestClock {
  now(): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export interface TestEnvOptions {
  backend?: 'sqlite' | 'postgres';
  /** Party of the site the test server plays; both parties' staff sign in to it. */
  siteParty?: Party;
  /** Starting time of the controllable clock. */
  now?: string;
  /** Options for the lazily built app; the flood guard is off unless given here. */
  app?: AppOptions;
}

export interface TestEnv {
  services: Services;
  store: Store;
  clock: TestClock;
  /** `peshmerga-viewer`, `federal-watch`, ... `federal-admin`: every role of both parties. */
  principals: Record<string, Principal>;
  jccIds: { KRK: string; MKH: string };
  /** The HTTP app, built on first use and closed with the environment. */
  app(): Promise<FastifyInstance>;
  /** Signs `username` in (through the service) and returns a Cookie header value. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** A square of `half` degrees around a point, as a closed GeoJSON polygon. */
export function squareAround([lon, lat]: [number, number], half = 0.1): { type: 'Polygon'; coordinates: number[][][] } {
  return { type: 'Polygon', coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]] };
}

/** SQLite always; PostgreSQL too when TANSIQ_TEST_PG_URL names a database (it does in CI). */
export const TEST_BACKENDS: readonly ('sqlite' | 'postgres')[] = process.env['TANSIQ_TEST_PG_URL'] ? ['sqlite', 'postgres'] : ['sqlite'];

export const usernameOf = (party: Party, role: Role): string => `${party}-${role}`;

/** A PostgreSQL store in a fresh schema, dropped again on close; undefined without TANSIQ_TEST_PG_URL. */
async function openPgStore(): Promise<{ store: Store; drop: () => Promise<void> } | undefined> {
  const url = process.env['TANSIQ_TEST_PG_URL'];
  if (!url) return undefined;
  const schema = `tansiq_test_${uuidv7().replace(/-/g, '_')}`;
  const store = await openPostgresStore({ connectionString: url, schema, maxConnections: 4 });
  const drop = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  };
  return { store, drop };
}

/**
 * A migrated in-memory (or throwaway PostgreSQL) site with two bilateral JCCs, KRK and MKH, and
 * an account for every role of both parties; the watch officers are assigned to KRK.
 */
export async function makeTestEnv(opts: TestEnvOptions = {}): Promise<TestEnv> {
  let store: Store;
  let drop = async (): Promise<void> => {};
  if (opts.backend === 'postgres') {
    const pgStore = await openPgStore();
    if (!pgStore) throw new Error('set TANSIQ_TEST_PG_URL to run the PostgreSQL tests');
    ({ store, drop } = pgStore);
  } else {
    store = openSqliteStore({ path: ':memory:' });
  }
  await store.migrate();

  let nowMs = Date.parse(opts.now ?? '2025-03-01T08:00:00.000Z');
  const clock: TestClock = {
    now: () => new Date(nowMs),
    set: (iso) => { nowMs = Date.parse(iso); },
    advance: (ms) => { nowMs += ms; },
  };
  const site = await store.ensureSite({ id: uuidv7(), name: 'Test site', party: opts.siteParty ?? 'peshmerga', createdAt: clock.now().toISOString() });
  const services = createServices(store, site, clock.now);

  const principals: Record<string, Principal> = {};
  const addUser = async (party: Party, role: Role, jccIds: string[] = []): Promise<void> => {
    const u = await services.users.add(null, { username: usernameOf(party, role), password: TEST_PASSWORD, party, roles: [role], jccIds });
    principals[u.username] = { userId: u.id, username: u.username, party: u.party, roles: [...u.roles], jccIds: [...u.jccIds] };
  };

  // JCCs come first (accounts refer to them), created and released by the site party's admin.
  await addUser(site.party, 'admin');
  const admin = principals[usernameOf(site.party, 'admin')] as Principal;
  const makeJcc = async (code: string, name: string, at: [number, number]): Promise<string> => {
    const jcc = await services.records.create(admin, 'jcc', { code, name: { en: name }, area: squareAround(at), headquarters: { type: 'Point', coordinates: at } });
    await services.records.release(admin, 'jcc', jcc.id, jcc.version, { kind: 'bilateral' }, undefined);
    return jcc.id;
  };
  const jccIds = { KRK: await makeJcc('KRK', 'Kirkuk JCC', KIRKUK), MKH: await makeJcc('MKH', 'Makhmour JCC', MAKHMOUR) };

  // In parallel: each password hash takes a few hundred milliseconds of the crypto thread pool.
  const rest = PARTIES.flatMap((party) => ROLES.map((role) => [party, role] as const)).filter(([party, role]) => !principals[usernameOf(party, role)]);
  await Promise.all(rest.map(([party, role]) => addUser(party, role, role === 'watch' ? [jccIds.KRK] : [])));

  let app: Promise<FastifyInstance> | undefined;
  return {
    services,
    store,
    clock,
    principals,
    jccIds,
    app: () => (app ??= buildApp(services, { rateLimit: false, ...opts.app })),
    async login(username) {
      const s = await services.auth.login(username, TEST_PASSWORD, { ip: '127.0.0.1' });
      return `${SESSION_COOKIE}=${s.token}`;
    },
    async close() {
      if (app) await (await app).close();
      await store.close();
      await drop();
    },
  };
}
