import type { Insertable, Selectable } from 'kysely';
import type { Party, Role } from '../../core/model/common.ts';
import type { ApiTokenRow, SessionRow, SiteRow, UserRow } from '../ports.ts';
import type { ApiTokensTable, SessionsTable, SiteTable, UsersTable } from './schema.ts';
import { toBool, type SqlTraits } from './sql-traits.ts';

export const toUserRow = (u: UserRow, t: SqlTraits): Insertable<UsersTable> => ({
  id: u.id,
  username: u.username,
  party: u.party,
  roles: JSON.stringify(u.roles),
  jcc_ids: JSON.stringify(u.jccIds),
  password_hash: u.passwordHash,
  disabled: t.bool(u.disabled),
  created_at: u.createdAt,
  updated_at: u.updatedAt,
});

export const fromUserRow = (r: Selectable<UsersTable>, t: SqlTraits): UserRow => ({
  id: r.id,
  username: r.username,
  party: r.party as Party,
  roles: t.json(r.roles) as Role[],
  jccIds: t.json(r.jcc_ids) as string[],
  passwordHash: r.password_hash,
  disabled: toBool(r.disabled),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toSessionRow = (s: SessionRow): Insertable<SessionsTable> => ({
  token_hash: s.tokenHash,
  user_id: s.userId,
  created_at: s.createdAt,
  expires_at: s.expiresAt,
  ip: s.ip,
});

export const fromSessionRow = (r: Selectable<SessionsTable>): SessionRow => ({
  tokenHash: r.token_hash,
  userId: r.user_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  ip: r.ip,
});

export const toApiTokenRow = (a: ApiTokenRow): Insertable<ApiTokensTable> => ({
  id: a.id,
  user_id: a.userId,
  name: a.name,
  token_hash: a.tokenHash,
  created_at: a.createdAt,
  revoked_at: a.revokedAt,
});

export const fromApiTokenRow = (r: Selectable<ApiTokensTable>): ApiTokenRow => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export const toSiteRow = (s: SiteRow): Insertable<SiteTable> => ({ singleton: 1, id: s.id, name: s.name, party: s.party, created_at: s.createdAt });

export const fromSiteRow = (r: Selectable<SiteTable>): SiteRow => ({ id: r.id, name: r.name, party: r.party as Party, createdAt: r.created_at });
