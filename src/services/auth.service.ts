import { createHash, randomBytes } from 'node:crypto';
import { TansiqError } from '../core/errors.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import type { Principal } from '../core/model/common.ts';
import type { ApiTokenRow, UserRow } from '../storage/ports.ts';
import { auditOf } from './audit.service.ts';
import { isoNow, type RequestOrigin, type ServiceContext } from './context.ts';
import { LoginThrottle } from './login-throttle.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 12 * 3600_000;
const TOKEN_PREFIX = 'tsq_';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');

export const principalOf = (u: UserRow): Principal => ({ userId: u.id, username: u.username, party: u.party, roles: [...u.roles], jccIds: [...u.jccIds] });

const unauthenticated = (message = 'sign in first'): TansiqError => new TansiqError('UNAUTHENTICATED', message);

/** Sessions for people (cookie), API tokens for machines (bearer); only their hashes are stored. */
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly ctx: ServiceContext) {}

  async login(username: string, password: string, origin: RequestOrigin): Promise<{ token: string; expiresAt: string; user: Principal }> {
    const ip = origin.ip ?? 'unknown';
    const nowMs = this.ctx.now().getTime();
    const wait = this.throttle.retryAfter(username, ip, nowMs);
    if (wait > 0) throw new TansiqError('RATE_LIMITED', `too many failed sign-ins: try again in ${wait} s`, { details: { retryAfterSeconds: wait } });
    const user = await this.ctx.store.getUserByName(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      this.throttle.fail(username, ip, nowMs);
      await this.ctx.store.write((tx) => tx.appendAudit(auditOf(this.ctx, null, 'session.login-failed', null, origin, { username })));
      throw unauthenticated('wrong username or password');
    }
    this.throttle.succeed(username);
    const token = newSecret();
    const expiresAt = new Date(nowMs + SESSION_TTL_MS).toISOString();
    const p = principalOf(user);
    await this.ctx.store.write(async (tx) => {
      await tx.insertSession({ tokenHash: sha256(token), userId: user.id, createdAt: isoNow(this.ctx), expiresAt, ip: origin.ip ?? null });
      await tx.appendAudit(auditOf(this.ctx, p, 'session.login', null, origin));
    });
    return { token, expiresAt, user: p };
  }

  async logout(token: string, origin: RequestOrigin): Promise<void> {
    const session = await this.ctx.store.getSession(sha256(token));
    if (!session) return;
    const user = await this.ctx.store.getUserById(session.userId);
    await this.ctx.store.write(async (tx) => {
      await tx.deleteSession(session.tokenHash);
      await tx.appendAudit(auditOf(this.ctx, user ? principalOf(user) : null, 'session.logout', null, origin));
    });
    this.ctx.credentials.clear();
  }

  fromSession(token: string): Promise<Principal> {
    return this.cached(sha256(token), async (hash) => {
      const session = await this.ctx.store.getSession(hash);
      if (!session || session.expiresAt <= isoNow(this.ctx)) throw unauthenticated('your session has expired: sign in again');
      return { userId: session.userId, expiresMs: Date.parse(session.expiresAt) };
    });
  }

  fromApiToken(token: string): Promise<Principal> {
    if (!token.startsWith(TOKEN_PREFIX)) return Promise.reject(unauthenticated('not a Tansiq API token'));
    return this.cached(sha256(token), async (hash) => {
      const row = await this.ctx.store.getApiTokenByHash(hash);
      if (!row || row.revokedAt) throw unauthenticated('unknown or revoked API token');
      return { userId: row.userId };
    });
  }

  async createApiToken(p: Principal, name: string, origin: RequestOrigin): Promise<{ id: string; name: string; token: string }> {
    const token = TOKEN_PREFIX + newSecret();
    const row: ApiTokenRow = { id: uuidv7(), userId: p.userId, name, tokenHash: sha256(token), createdAt: isoNow(this.ctx), revokedAt: null };
    await this.ctx.store.write(async (tx) => {
      await tx.insertApiToken(row);
      await tx.appendAudit(auditOf(this.ctx, p, 'token.create', { type: 'api-token', id: row.id }, origin, { name }));
    });
    return { id: row.id, name, token };
  }

  async listApiTokens(p: Principal): Promise<Omit<ApiTokenRow, 'tokenHash'>[]> {
    const rows = await this.ctx.store.listApiTokens(p.userId);
    return rows.map(({ tokenHash: _hidden, ...rest }) => rest);
  }

  async revokeApiToken(p: Principal, id: string, origin: RequestOrigin): Promise<void> {
    const rows = await this.ctx.store.listApiTokens(p.userId);
    if (!rows.some((r) => r.id === id && !r.revokedAt)) throw new TansiqError('NOT_FOUND', 'api token not found');
    await this.ctx.store.write(async (tx) => {
      await tx.revokeApiToken(id, isoNow(this.ctx));
      await tx.appendAudit(auditOf(this.ctx, p, 'token.revoke', { type: 'api-token', id }, origin));
    });
    this.ctx.credentials.clear();
  }

  /** The principal behind a credential, from memory when it was resolved a moment ago. */
  private async cached(hash: string, resolve: (hash: string) => Promise<{ userId: string; expiresMs?: number }>): Promise<Principal> {
    const nowMs = this.ctx.now().getTime();
    const hit = this.ctx.credentials.get(hash, nowMs);
    if (hit) return hit;
    const generation = this.ctx.credentials.generation;
    const { userId, expiresMs } = await resolve(hash);
    const p = await this.activeUser(userId);
    this.ctx.credentials.set(hash, p, { generation, nowMs, ...(expiresMs === undefined ? {} : { expiresMs }) });
    return p;
  }

  private async activeUser(userId: string): Promise<Principal> {
    const user = await this.ctx.store.getUserById(userId);
    if (!user || user.disabled) throw unauthenticated('this account is disabled');
    return principalOf(user);
  }
}
