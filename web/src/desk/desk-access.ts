import type { SessionInfo } from '../app/contracts.ts';

/**
 * The server's write rules for incidents (`canWrite` in `src/core/access/access.ts` with the
 * incident kind's write roles), so the desk offers only the buttons that can succeed. The server
 * still decides: a refused call is shown as its error.
 */
const INCIDENT_WRITERS = ['watch', 'analyst', 'commander', 'admin'] as const;
const RELEASERS = ['liaison', 'commander', 'admin'] as const;

const hasAny = (s: SessionInfo, roles: readonly string[]): boolean => s.roles.some((r) => roles.includes(r));

export const canLogIncidents = (s: SessionInfo): boolean => hasAny(s, INCIDENT_WRITERS);

/** Only the origin party changes a record (single writer). */
export const canEditIncident = (s: SessionInfo, originParty: string): boolean => originParty === s.party && canLogIncidents(s);

export const canRelease = (s: SessionInfo, originParty: string): boolean => originParty === s.party && hasAny(s, RELEASERS);
