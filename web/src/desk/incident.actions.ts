import type { ApiClient, ApiFailure } from '../app/contracts.ts';
import { ApiError } from '../api/api-client.ts';
import { patchOf, type IncidentBody } from './incident-form.state.ts';
import type { IncidentRecord, Tlp, Verification } from './incident.model.ts';

/** Any rejection of the API client as the server's failure; anything else is a network failure. */
export function failureOf(e: unknown): ApiFailure {
  if (e instanceof ApiError) return e.failure;
  return { status: 0, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) };
}

const path = (id: string): string => `/incidents/${encodeURIComponent(id)}`;

export interface Release {
  scope: string;
  tlp: Tlp;
}

/**
 * Logs an incident. A new record is always "own"; sharing it is a release, a second call that
 * may fail on its own (the incident is then logged but not shared, and the caller says so).
 */
export async function createIncident(api: ApiClient, body: IncidentBody, release: Release | undefined, tlp: Tlp): Promise<{ record: IncidentRecord; releaseFailure?: ApiFailure }> {
  const record = await api.post<IncidentRecord>('/incidents', { ...body, tlp });
  if (!release || release.scope === 'own') return { record };
  try {
    return { record: await releaseIncident(api, record, release) };
  } catch (e) {
    return { record, releaseFailure: failureOf(e) };
  }
}

export type SaveResult = { kind: 'saved'; record: IncidentRecord } | { kind: 'unchanged' } | { kind: 'conflict'; theirs: IncidentRecord };

/** Saves an edit as a PATCH of the changed fields; a stale version comes back with the server's current one. */
export async function saveIncident(api: ApiClient, base: IncidentRecord, body: IncidentBody): Promise<SaveResult> {
  const patch = patchOf(base.data, body);
  if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
  try {
    return { kind: 'saved', record: await api.patch<IncidentRecord>(path(base.id), { version: base.version, ...patch }) };
  } catch (e) {
    if (failureOf(e).code !== 'CONFLICT') throw e;
    return { kind: 'conflict', theirs: await api.get<IncidentRecord>(path(base.id)) };
  }
}

export const setVerification = (api: ApiClient, r: IncidentRecord, verification: Verification): Promise<IncidentRecord> =>
  api.patch<IncidentRecord>(path(r.id), { version: r.version, verification });

export const releaseIncident = (api: ApiClient, r: IncidentRecord, release: Release): Promise<IncidentRecord> =>
  api.post<IncidentRecord>(`${path(r.id)}/release`, { version: r.version, scope: release.scope, tlp: release.tlp });

export const loadIncident = (api: ApiClient, id: string): Promise<IncidentRecord> => api.get<IncidentRecord>(path(id));
