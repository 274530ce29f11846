import { asTlp } from './tlp.util.ts';
import { parseCoordinates, westernDigits, type CoordProblem, type LonLat } from './coords.util.ts';
import {
  ACLED_TYPES, CASUALTY_CATEGORIES, type ActorSide, type CasualtyCounts, type IncidentData, type IncidentRecord,
  type LocationPrecision, type TimePrecision, type Tlp, type Verification,
} from './incident.model.ts';

export type ScopeChoice = 'own' | 'jcc' | 'bilateral';

/** What the incident form holds while a person types: text as typed, numbers as text. */
export interface IncidentForm {
  title: string;
  description: string;
  /** `<input type="datetime-local">` value, in Iraq time. */
  occurredAt: string;
  timePrecision: TimePrecision;
  coordText: string;
  locationPrecision: LocationPrecision;
  placeId: string;
  placeName: string;
  killed: Record<keyof CasualtyCounts, string>;
  wounded: Record<keyof CasualtyCounts, string>;
  actors: { name: string; side: ActorSide }[];
  acledEventType: string;
  acledSubEventType: string;
  sources: { name: string; url: string }[];
  verification: Verification;
  scope: ScopeChoice;
  scopeJccIds: string[];
  tlp: Tlp;
}

/** Form fields that carry their own error line. */
export type FormField =
  | 'title' | 'description' | 'occurredAt' | 'location' | 'killed' | 'wounded' | 'actors' | 'acled' | 'sources' | 'scope' | 'tlp' | 'verification' | 'form';

/** An error: an i18n key of the `desk` namespace (`errors.*`), or the server's own words when no key fits. */
export interface FieldError {
  key?: string;
  text?: string;
}
export type FieldErrors = Partial<Record<FormField, FieldError>>;

const zeroCounts = (): Record<keyof CasualtyCounts, string> => ({ civilian: '0', peshmerga: '0', federal: '0', other: '0' });

/**
 * Times are typed in Iraq time, as the officers read them off the radio log and as every date on
 * screen is shown (`formatDateTime`, Asia/Baghdad), whatever the browser's own zone. Iraq keeps
 * UTC+3 all year.
 */
const IRAQ_OFFSET_MS = 3 * 3600_000;

/** A Date as a `datetime-local` value in Iraq time. */
export function toLocalInput(d: Date): string {
  return new Date(d.getTime() + IRAQ_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Iraq time; undefined when it is not a time. */
export function fromLocalInput(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}:00+03:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function emptyForm(now: Date): IncidentForm {
  return {
    title: '', description: '', occurredAt: toLocalInput(now), timePrecision: 'hour', coordText: '', locationPrecision: 'exact',
    placeId: '', placeName: '', killed: zeroCounts(), wounded: zeroCounts(), actors: [], acledEventType: '', acledSubEventType: '',
    sources: [], verification: 'reported', scope: 'own', scopeJccIds: [], tlp: 'amber',
  };
}

const countsText = (c: CasualtyCounts): Record<keyof CasualtyCounts, string> =>
  Object.fromEntries(CASUALTY_CATEGORIES.map((k) => [k, String(c[k])])) as Record<keyof CasualtyCounts, string>;

/** A record's scope text (`own`, `bilateral`, `jcc:<id>,…`) and TLP as the sharing fields show them. */
export function sharingOfRecord(r: Pick<IncidentRecord, 'scope' | 'tlp'>): Pick<IncidentForm, 'scope' | 'scopeJccIds' | 'tlp'> {
  const jccIds = r.scope.startsWith('jcc:') ? r.scope.slice(4).split(',').filter(Boolean) : [];
  const scope: ScopeChoice = jccIds.length > 0 ? 'jcc' : r.scope === 'bilateral' ? 'bilateral' : 'own';
  return { scope, scopeJccIds: jccIds, tlp: asTlp(r.tlp) };
}

/** The form for editing a stored incident; scope and TLP are changed by release, not by the edit. */
export function formFromRecord(r: IncidentRecord): IncidentForm {
  const d = r.data;
  const [lon, lat] = d.location.coordinates;
  return {
    title: d.title, description: d.description, occurredAt: toLocalInput(new Date(d.occurredAt)), timePrecision: d.timePrecision,
    coordText: `${lon}, ${lat}`, locationPrecision: d.locationPrecision, placeId: d.placeId ?? '', placeName: d.placeName ?? '',
    killed: countsText(d.killed), wounded: countsText(d.wounded), actors: d.actors.map((a) => ({ ...a })),
    acledEventType: d.acledEventType ?? '', acledSubEventType: d.acledSubEventType ?? '',
    sources: d.sources.map((s) => ({ name: s.name, url: s.url ?? '' })), verification: d.verification,
    ...sharingOfRecord(r),
  };
}

const COORD_ERRORS: Record<CoordProblem, string> = {
  empty: 'errors.locationRequired', unreadable: 'errors.coordUnreadable', swapped: 'errors.coordSwapped', outside: 'errors.coordOutside',
};

const COUNT_RE = /^\d{1,6}$/;

function parseCounts(c: Record<keyof CasualtyCounts, string>): CasualtyCounts | undefined {
  const out = {} as CasualtyCounts;
  for (const k of CASUALTY_CATEGORIES) {
    const text = westernDigits(c[k].trim()) || '0';
    if (!COUNT_RE.test(text) || Number(text) > 100_000) return undefined;
    out[k] = Number(text);
  }
  return out;
}

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Sharing rules the server enforces on release, checked before the call. */
export function sharingError(f: Pick<IncidentForm, 'scope' | 'scopeJccIds' | 'tlp' | 'verification'>): FieldError | undefined {
  if (f.scope === 'own') return undefined;
  if (f.tlp === 'red') return { key: 'errors.redNotShared' };
  if (f.verification === 'draft') return { key: 'errors.draftNotShared' };
  if (f.scope === 'jcc' && f.scopeJccIds.length === 0) return { key: 'errors.pickJcc' };
  return undefined;
}

/** What the form would send, or the errors that keep it from being sent. */
export type IncidentBody = Partial<IncidentData> & Pick<IncidentData, 'title' | 'occurredAt' | 'location'>;
export type FormCheck = { ok: true; body: IncidentBody } | { ok: false; errors: FieldErrors };

/** Client-side checks, then the `POST /api/incidents` body (scope and TLP are sent separately). */
export function checkForm(f: IncidentForm): FormCheck {
  const errors: FieldErrors = {};
  const title = f.title.trim();
  if (title === '') errors.title = { key: 'errors.required' };
  const when = fromLocalInput(f.occurredAt);
  if (!when) errors.occurredAt = { key: f.occurredAt ? 'errors.time' : 'errors.required' };
  const coords = parseCoordinates(f.coordText);
  if (!coords.ok) errors.location = { key: COORD_ERRORS[coords.problem] };
  const killed = parseCounts(f.killed);
  const wounded = parseCounts(f.wounded);
  if (!killed) errors.killed = { key: 'errors.count' };
  if (!wounded) errors.wounded = { key: 'errors.count' };
  if (f.actors.some((a) => a.name.trim() === '')) errors.actors = { key: 'errors.actorName' };
  if (f.sources.some((s) => s.name.trim() === '')) errors.sources = { key: 'errors.sourceName' };
  else if (f.sources.some((s) => s.url.trim() !== '' && !isHttpUrl(s.url.trim()))) errors.sources = { key: 'errors.url' };
  if (f.acledSubEventType && !(ACLED_TYPES[f.acledEventType] ?? []).includes(f.acledSubEventType)) errors.acled = { key: 'errors.subtypeMismatch' };
  const sharing = sharingError(f);
  if (sharing) errors.scope = sharing;
  if (Object.keys(errors).length > 0 || !coords.ok || !when || !killed || !wounded) return { ok: false, errors };
  return { ok: true, body: bodyOf(f, title, when, coords.lonLat, killed, wounded) };
}

function bodyOf(f: IncidentForm, title: string, when: Date, lonLat: LonLat, killed: CasualtyCounts, wounded: CasualtyCounts): IncidentBody {
  const place = f.placeName.trim();
  return {
    title,
    description: f.description.trim(),
    occurredAt: when.toISOString(),
    timePrecision: f.timePrecision,
    location: { type: 'Point', coordinates: lonLat },
    locationPrecision: f.locationPrecision,
    ...(f.placeId ? { placeId: f.placeId } : {}),
    ...(place ? { placeName: place } : {}),
    killed,
    wounded,
    actors: f.actors.map((a) => ({ name: a.name.trim(), side: a.side })),
    ...(f.acledEventType ? { acledEventType: f.acledEventType } : {}),
    ...(f.acledSubEventType ? { acledSubEventType: f.acledSubEventType } : {}),
    sources: f.sources.map((s) => ({ name: s.name.trim(), ...(s.url.trim() ? { url: s.url.trim() } : {}) })),
    verification: f.verification,
  };
}

/** The scope text of `POST /api/incidents/:id/release`. */
export function scopeText(f: Pick<IncidentForm, 'scope' | 'scopeJccIds'>): string {
  return f.scope === 'jcc' ? `jcc:${[...f.scopeJccIds].sort().join(',')}` : f.scope;
}

/**
 * A PATCH changes only what differs from the record as read: fields sent replace the stored ones
 * whole and null removes an optional one (`mergePatch` on the server).
 */
export function patchOf(before: IncidentData, after: Partial<IncidentData>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(after), 'placeId', 'placeName', 'acledEventType', 'acledSubEventType']);
  for (const k of keys) {
    const a = (after as Record<string, unknown>)[k];
    const b = (before as unknown as Record<string, unknown>)[k];
    if (a === undefined) {
      if (b !== undefined) patch[k] = null;
    } else if (JSON.stringify(a) !== JSON.stringify(b)) patch[k] = a;
  }
  return patch;
}
