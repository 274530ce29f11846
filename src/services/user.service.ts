import { isAdmin } from '../core/access/access.ts';
import { conflict, forbidden, notFound, validationError } from '../core/errors.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import type { Principal } from '../core/model/common.ts';
import { newUserSchema, userPatchSchema } from '../core/model/user.ts';
import { parseOrThrow } from '../core/validation.ts';
import type { UserRow } from '../storage/ports.ts';
import { auditOf } from './audit.service.ts';
import { isoNow, type RequestOrigin, type ServiceContext } from './context.ts';
import { hashPassword } from './password.ts';

export type UserView = Omit<UserRow, 'passwordHash'>;
const view = ({ passwordHash: _hidden, ...u }: UserRow): UserView => u;

/**
 * Staff accounts. An administrator manages the accounts of their own party only: one force
 * never creates, sees or disables the other's staff. `actor` null means the site operator
 * at the console (CLI), who stands outside both parties.
 */
export class UserService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(actor: Principal | null, input: unknown, origin: RequestOrigin = {}): Promise<UserView> {
    const u = parseOrThrow(newUserSchema, input, 'user');
    this.assertManages(actor, u.party);
    if (await this.ctx.store.getUserByName(u.username)) throw conflict(`the username ${u.username} is taken`);
    await this.assertJccs(u.jccIds);
    const now = isoNow(this.ctx);
    const row: UserRow = { id: uuidv7(), username: u.username, party: u.party, roles: u.roles, jccIds: u.jccIds, passwordHash: await hashPassword(u.password), disabled: false, createdAt: now, updatedAt: now };
    await this.ctx.store.write(async (tx) => {
      await tx.insertUser(row);
      await tx.appendAudit(auditOf(this.ctx, actor, 'user.add', { type: 'user', id: row.id }, origin, { username: row.username, party: row.party, roles: row.roles }));
    });
    return view(row);
  }

  async list(actor: Principal | null): Promise<UserView[]> {
    if (actor && !isAdmin(actor)) throw forbidden('only administrators list accounts');
    const rows = await this.ctx.store.listUsers();
    return rows.filter((u) => !actor || u.party === actor.party).map(view);
  }

  async update(actor: Principal | null, username: string, input: unknown, origin: RequestOrigin = {}): Promise<UserView> {
    const patch = parseOrThrow(userPatchSchema, input, 'user change');
    const current = await this.ctx.store.getUserByName(username);
    if (!current || (actor && actor.party !== current.party)) throw notFound('user');
    this.assertManages(actor, current.party);
    if (patch.jccIds) await this.assertJccs(patch.jccIds);
    const { password, ...rest } = patch;
    const row: UserRow = { ...current, ...rest, updatedAt: isoNow(this.ctx), ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    await this.ctx.store.write(async (tx) => {
      await tx.updateUser(row);
      // A disabled account, or one with a new password, is signed out everywhere.
      if (row.disabled || password) await tx.deleteSessionsOfUser(row.id);
      await tx.appendAudit(auditOf(this.ctx, actor, 'user.update', { type: 'user', id: row.id }, origin, { username, changed: Object.keys(patch) }));
    });
    this.ctx.credentials.clear();
    return view(row);
  }

  disable(actor: Principal | null, username: string, origin: RequestOrigin = {}): Promise<UserView> {
    return this.update(actor, username, { disabled: true }, origin);
  }

  private assertManages(actor: Principal | null, party: string): void {
    if (!actor) return;
    if (!isAdmin(actor)) throw forbidden('only administrators manage accounts');
    if (actor.party !== party) throw forbidden('an administrator manages the accounts of their own party only');
  }

  private async assertJccs(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const jcc = await this.ctx.store.getRecord('jcc', id);
      if (!jcc || jcc.deleted) throw validationError(`unknown JCC ${id}`, [{ path: 'jccIds', message: `no JCC ${id}` }]);
    }
  }
}
