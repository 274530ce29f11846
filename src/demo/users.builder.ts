/**
 * One account per party and role, named `<party>-<role>`. The site operator (at the console)
 * creates the two administrators; each administrator then creates the staff of their own party,
 * as the user service requires.
 */
import { PARTIES, ROLES, type Party, type Principal, type Role } from '../core/model/common.ts';
import type { SectorCode } from './front.data.ts';
import { principalOf } from '../services/auth.service.ts';
import type { Services } from '../services/services.ts';

export type Accounts = Map<string, Principal>;

export const accountName = (party: Party, role: Role): string => `${party}-${role}`;

/**
 * JCC assignments. Watch officers sit in two centres each (so jcc-scoped releases reach some of
 * the other side's watch officers and not others); liaison officers cover all four.
 */
const ASSIGNMENTS: Record<Party, Partial<Record<Role, readonly SectorCode[]>>> = {
  peshmerga: { watch: ['MAK', 'KRK'], liaison: ['NIN', 'MAK', 'KRK', 'DIY'] },
  federal: { watch: ['MAK', 'NIN'], liaison: ['NIN', 'MAK', 'KRK', 'DIY'] },
};

async function addAccount(services: Services, actor: Principal | null, party: Party, role: Role, password: string, jccIds: string[]): Promise<Principal> {
  await services.users.add(actor, { username: accountName(party, role), password, party, roles: [role], jccIds });
  const row = await services.ctx.store.getUserByName(accountName(party, role));
  if (!row) throw new Error(`demo: account ${accountName(party, role)} was not stored`);
  return principalOf(row);
}

/** The two administrators, created from the console (no acting user). */
export async function addAdmins(services: Services, password: string, accounts: Accounts): Promise<void> {
  for (const party of PARTIES) accounts.set(accountName(party, 'admin'), await addAccount(services, null, party, 'admin', password, []));
}

/** Everyone else, created by their own party's administrator once the JCCs exist. */
export async function addStaff(services: Services, password: string, accounts: Accounts, jccIdOf: (code: SectorCode) => string): Promise<void> {
  for (const party of PARTIES) {
    const admin = accounts.get(accountName(party, 'admin'));
    if (!admin) throw new Error('demo: administrators first');
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const jccIds = (ASSIGNMENTS[party][role] ?? []).map(jccIdOf);
      accounts.set(accountName(party, role), await addAccount(services, admin, party, role, password, jccIds));
    }
  }
}
