import { ApiError } from '../api/api-client.ts';
import type { ApiClient, SessionInfo } from './contracts.ts';

/** The signed-in user, or null when the session cookie is missing or expired. */
export async function fetchSession(api: ApiClient): Promise<SessionInfo | null> {
  try {
    return (await api.get<{ user: SessionInfo }>('/session')).user;
  } catch (e) {
    if (e instanceof ApiError && e.failure.status === 401) return null;
    throw e;
  }
}

export async function signIn(api: ApiClient, username: string, password: string): Promise<SessionInfo> {
  return (await api.post<{ user: SessionInfo }>('/session', { username, password })).user;
}

export async function signOut(api: ApiClient): Promise<void> {
  await api.del('/session');
}
