import type { RecordView } from '../api/records.ts';

/**
 * The incident vocabulary of the server (`src/core/model/incident.ts`), mirrored so the browser
 * bundle does not carry the server's validation code. `incident.model.test.ts` keeps the two equal.
 */

export const ACLED_TYPES: Readonly<Record<string, readonly string[]>> = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Riots': ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
};

export const CASUALTY_CATEGORIES = ['civilian', 'peshmerga', 'federal', 'other'] as const;
export type CasualtyCategory = (typeof CASUALTY_CATEGORIES)[number];
export type CasualtyCounts = Record<CasualtyCategory, number>;

export const VERIFICATION = ['draft', 'reported', 'confirmed', 'disputed'] as const;
export type Verification = (typeof VERIFICATION)[number];

export const TIME_PRECISION = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISION)[number];

export const LOCATION_PRECISION = ['exact', 'near', 'district', 'province'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISION)[number];

export const ACTOR_SIDES = ['perpetrator', 'target', 'responder', 'other'] as const;
export type ActorSide = (typeof ACTOR_SIDES)[number];

export const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLPS)[number];

/** The incident body as the server stores and returns it (`RecordView.data`). */
export interface IncidentData {
  title: string;
  description: string;
  occurredAt: string;
  occurredUntil?: string;
  timePrecision: TimePrecision;
  location: { type: 'Point'; coordinates: [number, number] };
  locationPrecision: LocationPrecision;
  placeId?: string;
  placeName?: string;
  adminPcode?: string;
  jccId?: string;
  killed: CasualtyCounts;
  wounded: CasualtyCounts;
  actors: { name: string; side: ActorSide }[];
  acledEventType?: string;
  acledSubEventType?: string;
  sources: { name: string; url?: string; reportId?: string; publishedAt?: string }[];
  reportIds: string[];
  verification: Verification;
}

/** An incident as `GET /api/incidents/:id` returns it. */
export type IncidentRecord = RecordView<IncidentData>;

/** i18n key of an ACLED type or sub-type: its English name in camelCase ("Air/drone strike" → airDroneStrike). */
export function acledKey(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
}

export const totalOf = (c: CasualtyCounts): number => CASUALTY_CATEGORIES.reduce((sum, k) => sum + c[k], 0);
