import { patchOf, type IncidentBody } from './incident-form.state.ts';
import type { IncidentData, IncidentRecord } from './incident.model.ts';

/** Filled in by the server from the location: never the person's edit, so never a conflict. */
const DERIVED = new Set(['adminPcode', 'jccId', 'reportIds']);

export interface ConflictRow {
  field: string;
  /** The value in the version now on the server. */
  theirs: unknown;
  /** The value in the form. */
  mine: unknown;
  /** Both sides changed it, differently: the person must choose. */
  both: boolean;
}

const changes = (from: IncidentData, to: Partial<IncidentData>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(patchOf(from, to)).filter(([k]) => !DERIVED.has(k)));

/** What the other writer changed and what this form changed, since the version the form was based on. */
export function conflictRows(base: IncidentData, theirs: IncidentData, mine: IncidentBody): ConflictRow[] {
  const byThem = changes(base, theirs);
  const byMe = changes(base, mine);
  const fields = [...new Set([...Object.keys(byThem), ...Object.keys(byMe)])];
  const value = (data: Partial<IncidentData>, k: string): unknown => (data as Record<string, unknown>)[k];
  return fields.map((field) => ({
    field,
    theirs: value(theirs, field),
    mine: value(mine, field),
    both: field in byThem && field in byMe && JSON.stringify(value(theirs, field)) !== JSON.stringify(value(mine, field)),
  }));
}

/**
 * "Keep my changes": the server's version with this form's own changes laid over it, so saving
 * again sends only what this person changed, based on the current version.
 */
export function mergeMine(base: IncidentData, theirs: IncidentRecord, mine: IncidentBody): IncidentRecord {
  const data: Record<string, unknown> = { ...theirs.data };
  for (const [k, v] of Object.entries(changes(base, mine))) {
    if (v === null) delete data[k];
    else data[k] = v;
  }
  return { ...theirs, data: data as unknown as IncidentData };
}
