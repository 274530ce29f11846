/**
 * The make-up of the synthetic incidents: ACLED event types in proportions like those of the
 * ISIS insurgency in the disputed territories in 2021 (IEDs and clashes first, then attacks on
 * civilians, arrests and weapons finds), the forces involved, and the outlets that report them.
 * Actors are groups and forces only, never named people (DESIGN §1 scope line).
 */
import type { AcledType } from '../core/model/incident.ts';

export type Target = 'civilians' | 'peshmerga' | 'army' | 'police' | 'pmf';
export type Category = 'civilian' | 'peshmerga' | 'federal' | 'other';

export interface EventKind {
  key: string;
  /** Relative frequency (they sum to 100). */
  weight: number;
  acled: [AcledType, string];
  /** Who acts: ISIS, the force whose area it is, or the air force. */
  perpetrator: 'isis' | 'force' | 'air';
  /** Probability that the target is civilians rather than a force. */
  civilianShare: number;
  /** Heavy-tail parameters: chance of no casualties, for the target's killed and wounded. */
  killedZero: number;
  woundedZero: number;
  /** Chance of no ISIS casualties (category "other"), for clashes and strikes. */
  isisKilledZero?: number;
  title: (target: string, place: string, force: string) => string;
}

const never = 1;

export const EVENT_KINDS: readonly EventKind[] = [
  { key: 'ied', weight: 24, acled: ['Explosions/Remote violence', 'Remote explosive/landmine/IED'], perpetrator: 'isis', civilianShare: 0.25, killedZero: 0.55, woundedZero: 0.3, title: (t, p) => `IED against ${t} near ${p}` },
  { key: 'clash', weight: 22, acled: ['Battles', 'Armed clash'], perpetrator: 'isis', civilianShare: 0, killedZero: 0.6, woundedZero: 0.4, isisKilledZero: 0.6, title: (t, p) => `Armed clash between ISIS and ${t} near ${p}` },
  { key: 'attack', weight: 12, acled: ['Violence against civilians', 'Attack'], perpetrator: 'isis', civilianShare: 1, killedZero: 0.35, woundedZero: 0.5, title: (_t, p) => `ISIS attack on villagers of ${p}` },
  { key: 'abduction', weight: 5, acled: ['Violence against civilians', 'Abduction/forced disappearance'], perpetrator: 'isis', civilianShare: 1, killedZero: never, woundedZero: 0.9, title: (_t, p) => `Shepherds abducted near ${p}` },
  { key: 'shelling', weight: 5, acled: ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], perpetrator: 'isis', civilianShare: 0.5, killedZero: 0.8, woundedZero: 0.5, title: (t, p) => `Mortar fire on ${t} near ${p}` },
  { key: 'airstrike', weight: 6, acled: ['Explosions/Remote violence', 'Air/drone strike'], perpetrator: 'air', civilianShare: 0, killedZero: never, woundedZero: never, isisKilledZero: 0.4, title: (_t, p) => `Air strike on an ISIS hideout near ${p}` },
  { key: 'arrests', weight: 12, acled: ['Strategic developments', 'Arrests'], perpetrator: 'force', civilianShare: 0, killedZero: never, woundedZero: never, title: (_t, p, f) => `${f} arrest ISIS suspects near ${p}` },
  { key: 'weapons', weight: 8, acled: ['Strategic developments', 'Disrupted weapons use'], perpetrator: 'force', civilianShare: 0, killedZero: never, woundedZero: never, title: (_t, p, f) => `${f} defuse IEDs and seize a weapons cache near ${p}` },
  { key: 'crops', weight: 4, acled: ['Strategic developments', 'Looting/property destruction'], perpetrator: 'isis', civilianShare: 1, killedZero: never, woundedZero: never, title: (_t, p) => `ISIS burns crops and a farmhouse near ${p}` },
  { key: 'grenade', weight: 2, acled: ['Explosions/Remote violence', 'Grenade'], perpetrator: 'isis', civilianShare: 0.3, killedZero: 0.8, woundedZero: 0.4, title: (t, p) => `Grenade thrown at ${t} in ${p}` },
];

export const TARGETS: Record<Target, { actor: string; category: Category; label: string }> = {
  civilians: { actor: 'Civilians', category: 'civilian', label: 'civilians' },
  peshmerga: { actor: 'Peshmerga', category: 'peshmerga', label: 'a Peshmerga position' },
  army: { actor: 'Iraqi Army', category: 'federal', label: 'an Iraqi Army patrol' },
  police: { actor: 'Federal Police', category: 'federal', label: 'a Federal Police checkpoint' },
  pmf: { actor: 'Popular Mobilization Forces', category: 'federal', label: 'a PMF position' },
};

export const ISIS = 'Islamic State';
export const AIR_FORCE = 'Iraqi Air Force';

/** Districts of the disputed territories where the synthetic incidents happen (OCHA COD-AB 2019 P-codes). */
export const INCIDENT_DISTRICTS = [
  'IQG15Q07', 'IQG15Q08', 'IQG15Q03', 'IQG15Q09', 'IQG15Q06', // Sinjar, Tel Afar, Al-Hamdaniya, Tilkaif, Shekhan
  'IQG11Q04', // Makhmour
  'IQG13Q01', 'IQG13Q02', 'IQG13Q03', 'IQG13Q04', // Kirkuk governorate
  'IQG16Q07', // Tuz Khurmatu
  'IQG10Q05', 'IQG10Q06', // Khanaqin, Kifri
] as const;

export const OUTLETS = [
  'Rudaw', 'Kurdistan 24', 'Shafaq News', 'Al Sumaria', 'Iraqi News Agency (INA)', 'Baghdad Today', 'Kirkuk Now',
  'Al-Hal Net', 'Security Media Cell (statement)', 'Ministry of Peshmerga Affairs (statement)', 'JCC watch log',
] as const;

/** The 180 days ending 31 December 2021, Baghdad time: includes the late-November wave. */
export const WINDOW = { start: '2021-07-05T00:00:00+03:00', days: 180 } as const;

export const VERIFICATION_MIX: readonly (readonly ['confirmed' | 'reported' | 'disputed' | 'draft', number])[] = [
  ['confirmed', 55], ['reported', 37], ['disputed', 4], ['draft', 4],
];

/** How released incidents are shared: most with the whole other party, some with a JCC, some kept. */
export const RELEASE_MIX: readonly (readonly ['bilateral' | 'jcc' | 'own', number])[] = [
  ['bilateral', 78], ['jcc', 12], ['own', 10],
];
