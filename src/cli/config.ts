/**
 * The CLI's configuration, decided in one place: a flag wins over the environment, which wins over
 * the default. Every value is checked here so a typo fails at start with exit code 2, not later
 * as a puzzling runtime error.
 */
import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationError } from '../core/errors.ts';
import { PARTIES, type Party } from '../core/model/common.ts';
import { passwordSchema } from '../core/model/user.ts';
import type { OptionSpecs, OptionValues } from './args.ts';

export const DEFAULT_PORT = 8080;
// Loopback unless told otherwise: a fresh install must not expose the demo accounts to the network.
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_PARTY: Party = 'peshmerga';

/** Where the repository sits, so `../shared/geo` is found whatever the working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_GEO_DIR = resolve(REPO_ROOT, '..', 'shared', 'geo');

export type Source = 'flag' | 'env' | 'default';

export interface StoreConfig {
  dataDir: string;
  /** PostgreSQL when set, else SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** PostgreSQL only: the schema holding Tansiq's tables (default: the connection's search path). */
  pgSchema: string | null;
  siteName: string | null;
  siteParty: Party;
  /** An explicit party must match the database's; a defaulted one yields to it. */
  sitePartySource: Source;
}

export interface ServerConfig {
  port: number;
  host: string;
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address (audit, rate limits) from X-Forwarded-For. */
  trustProxy: boolean;
}

export interface DemoConfig {
  /** From TANSIQ_DEMO_PASSWORD; null means generate one. */
  demoPassword: string | null;
  /** Real boundaries and gazetteer to import, or null for the demo's approximate geometry. */
  geoDir: string | null;
}

export type Env = Readonly<Record<string, string | undefined>>;

export const STORE_OPTIONS: OptionSpecs = {
  'data-dir': { type: 'string', value: 'DIR', description: `data directory, SQLite database inside (env TANSIQ_DATA_DIR; default ${DEFAULT_DATA_DIR})` },
  'database-url': { type: 'string', value: 'URL', description: 'PostgreSQL connection URL; SQLite when unset (env DATABASE_URL)' },
  'pg-schema': { type: 'string', value: 'NAME', description: 'PostgreSQL only: schema for the tables, created if missing (env TANSIQ_PG_SCHEMA)' },
  'site-name': { type: 'string', value: 'NAME', description: 'name of this site, set when the database is first used (env TANSIQ_SITE_NAME)' },
  'site-party': { type: 'string', value: 'PARTY', description: `party that owns this server: ${PARTIES.join('|')} (env TANSIQ_SITE_PARTY; default ${DEFAULT_PARTY})` },
};

export const SERVER_OPTIONS: OptionSpecs = {
  port: { type: 'string', short: 'p', value: 'PORT', description: `TCP port, 0 for any free one (env PORT; default ${DEFAULT_PORT})` },
  host: { type: 'string', value: 'HOST', description: `address to listen on; 0.0.0.0 to expose on the network (env HOST; default ${DEFAULT_HOST})` },
  'secure-cookies': { type: 'boolean', description: 'mark the session cookie Secure (behind HTTPS) (env TANSIQ_SECURE_COOKIES)' },
  'trust-proxy': { type: 'boolean', description: 'behind a reverse proxy: client address from X-Forwarded-For (env TANSIQ_TRUST_PROXY)' },
};

export const GEO_DIR_OPTIONS: OptionSpecs = {
  'geo-dir': { type: 'string', value: 'DIR', description: 'reference geodata to import (env TANSIQ_GEO_DIR; default ../shared/geo beside the repository when present)' },
  'no-geo': { type: 'boolean', description: "use the demo's own approximate geometry even when geodata is present" },
};

/** Every option that may also be given before the command name (`tansiq --data-dir d user list`). */
export const CONFIG_OPTIONS: OptionSpecs = { ...STORE_OPTIONS, ...SERVER_OPTIONS, ...GEO_DIR_OPTIONS };

interface Setting {
  value: string;
  source: Source;
  /** How to name it in an error: `--port` or `PORT`. */
  name: string;
}

function pick(values: OptionValues, env: Env, flag: string, envName: string): Setting | undefined {
  const v = values[flag];
  if (typeof v === 'string') return { value: v, source: 'flag', name: `--${flag}` };
  const e = env[envName];
  if (e !== undefined && e !== '') return { value: e, source: 'env', name: envName };
  return undefined;
}

function bad(p: Setting, expected: string): never {
  throw validationError(`${p.name} must be ${expected}, got ${JSON.stringify(p.value)}`, [{ path: p.name, message: `must be ${expected}` }]);
}

export function storeConfig(values: OptionValues, env: Env, cwd: string): StoreConfig {
  const dir = pick(values, env, 'data-dir', 'TANSIQ_DATA_DIR');
  const url = pick(values, env, 'database-url', 'DATABASE_URL');
  if (url && !/^postgres(ql)?:\/\/./.test(url.value)) bad(url, 'a postgres:// or postgresql:// URL');
  const schema = pick(values, env, 'pg-schema', 'TANSIQ_PG_SCHEMA');
  const name = pick(values, env, 'site-name', 'TANSIQ_SITE_NAME');
  if (name && (name.value.trim() === '' || name.value.length > 200)) bad(name, 'a name of 1-200 characters');
  const party = pick(values, env, 'site-party', 'TANSIQ_SITE_PARTY');
  if (party && !(PARTIES as readonly string[]).includes(party.value)) bad(party, PARTIES.join(' or '));
  return {
    dataDir: resolve(cwd, dir?.value ?? DEFAULT_DATA_DIR),
    databaseUrl: url?.value ?? null,
    pgSchema: schema?.value ?? null,
    siteName: name?.value.trim() ?? null,
    siteParty: (party?.value as Party | undefined) ?? DEFAULT_PARTY,
    sitePartySource: party?.source ?? 'default',
  };
}

export function serverConfig(values: OptionValues, env: Env): ServerConfig {
  const port = pick(values, env, 'port', 'PORT');
  if (port && !(/^\d{1,5}$/.test(port.value) && Number(port.value) <= 65535)) bad(port, 'a port number from 0 to 65535');
  const host = pick(values, env, 'host', 'HOST');
  if (host && !(isIP(host.value) || /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(host.value))) bad(host, 'an IP address or host name');
  return {
    port: port ? Number(port.value) : DEFAULT_PORT,
    host: host?.value ?? DEFAULT_HOST,
    secureCookies: values['secure-cookies'] === true || booleanEnv(env, 'TANSIQ_SECURE_COOKIES'),
    trustProxy: values['trust-proxy'] === true || booleanEnv(env, 'TANSIQ_TRUST_PROXY'),
  };
}

function booleanEnv(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return false;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return bad({ value: raw, source: 'env', name }, 'true or false (1/0, yes/no, on/off)');
}

export function demoConfig(values: OptionValues, env: Env, cwd: string): DemoConfig {
  const password = env.TANSIQ_DEMO_PASSWORD;
  if (password !== undefined && password !== '' && !passwordSchema.safeParse(password).success) {
    throw validationError('TANSIQ_DEMO_PASSWORD must be 10 to 1024 characters', [{ path: 'TANSIQ_DEMO_PASSWORD', message: 'must be 10 to 1024 characters' }]);
  }
  return { demoPassword: password || null, geoDir: geoDir(values, env, cwd) };
}

function geoDir(values: OptionValues, env: Env, cwd: string): string | null {
  if (values['no-geo'] === true) return null;
  const given = pick(values, env, 'geo-dir', 'TANSIQ_GEO_DIR');
  // A directory the user named must exist; only the default may be silently absent.
  if (given) {
    const dir = resolve(cwd, given.value);
    if (!isDirectory(dir)) bad(given, 'an existing directory');
    return dir;
  }
  return isDirectory(DEFAULT_GEO_DIR) ? DEFAULT_GEO_DIR : null;
}

const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** A database URL fit to print: the password is never shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** The database in words, for messages: which backend, and where. */
export function describeDatabase(c: StoreConfig): string {
  return c.databaseUrl ? `PostgreSQL at ${redactUrl(c.databaseUrl)}${c.pgSchema ? `, schema ${c.pgSchema}` : ''}` : `SQLite in ${c.dataDir}`;
}
