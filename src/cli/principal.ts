import { forbidden, notFound } from '../core/errors.ts';
import type { Principal } from '../core/model/common.ts';
import { principalOf } from '../services/auth.service.ts';
import { listVisible } from '../services/coverage-sources.ts';
import type { Runtime } from './runtime.ts';

/**
 * The console operator runs the server for their party: by default they see what a staff member
 * of the site's party assigned to every JCC sees, except TLP:RED records, which are for their
 * named readers only and so stay out of files written at the console.
 */
async function consolePrincipal(rt: Runtime): Promise<Principal> {
  const base: Principal = { userId: 'console', username: 'console', party: rt.site.party, roles: ['viewer'], jccIds: [] };
  const jccs = await listVisible(rt.services.records, base, 'jcc');
  return { ...base, jccIds: jccs.map((j) => j.id) };
}

/** The account named by `--as`, or the console operator without it. */
export async function principalFor(rt: Runtime, username: string | undefined): Promise<Principal> {
  if (username === undefined) return consolePrincipal(rt);
  const user = await rt.store.getUserByName(username);
  if (!user) throw notFound(`user ${username}`);
  if (user.disabled) throw forbidden(`the account ${username} is disabled`);
  return principalOf(user);
}
