/**
 * The demo's order of battle along the front: ten units per sector (five per force), three joint
 * units in the strip, and the one formation a coded source names. Designations are generic and
 * every position is ILLUSTRATIVE: Tansiq's units are data its users enter, no public source has them.
 */
import type { SectorCode } from './front.data.ts';

/** APP-6 D / MIL-STD-2525 D land-unit entity codes (symbol set 10). */
export const ENTITY = {
  infantry: '121100',
  mechanizedInfantry: '121102',
  motorizedInfantry: '121104',
  armour: '120500',
  reconnaissance: '121300',
  fieldArtillery: '130300',
  engineer: '140700',
  militaryPolice: '141200',
} as const;
export type EntityKind = keyof typeof ENTITY;

/** Echelon amplifier digits (SIDC positions 9-10). */
export const ECHELON_CODE = { team: '11', squad: '12', section: '13', platoon: '14', company: '15', battalion: '16', regiment: '17', brigade: '18', division: '21', corps: '22' } as const;
export type Echelon = keyof typeof ECHELON_CODE;

/**
 * A 20-digit SIDC: version 10, reality, standard identity 3 (friend: each force records its own
 * units, and joint units are friends of both), symbol set 10 (land unit), present, no HQ/TF
 * indicator, echelon, entity, no modifiers.
 */
export function sidcOf(echelon: Echelon, entity: EntityKind): string {
  const [version, context, identity, symbolSet, status, hqTfDummy] = ['10', '0', '3', '10', '0', '0'];
  return `${version}${context}${identity}${symbolSet}${status}${hqTfDummy}${ECHELON_CODE[echelon]}${ENTITY[entity]}0000`;
}

export type UnitRelease = 'bilateral' | 'jcc' | 'own';

export interface UnitTemplate {
  force: 'peshmerga' | 'federal' | 'joint';
  /** e.g. "Infantry Battalion 2"; the builder adds force and sector. */
  label: string;
  /** Iraqi Army, Federal Police or PMF on the federal side; Peshmerga on the other. */
  service?: string;
  echelon: Echelon;
  entity: EntityKind;
  /** Position along the sector, 0 to 1. */
  at: number;
  /** Distance behind the own forward line (negative: inside the strip, for joint units). */
  depthKm: number;
  coverage: { kind: 'radius'; km: number } | { kind: 'corridor'; widthKm: number; lengthKm: number };
  release: UnitRelease;
  status?: 'active' | 'standby';
}

const t = (force: UnitTemplate['force'], label: string, echelon: Echelon, entity: EntityKind, at: number, depthKm: number, coverage: UnitTemplate['coverage'], release: UnitRelease, extra: Partial<UnitTemplate> = {}): UnitTemplate =>
  ({ force, label, echelon, entity, at, depthKm, coverage, release, ...extra });

const r = (km: number): UnitTemplate['coverage'] => ({ kind: 'radius', km });
const corridor = (widthKm: number, lengthKm: number): UnitTemplate['coverage'] => ({ kind: 'corridor', widthKm, lengthKm });

/** The same five-and-five layout in each sector; the federal service varies by sector. */
export function sectorTemplates(sector: SectorCode): UnitTemplate[] {
  const police = sector === 'KRK' || sector === 'DIY';
  const pmf = sector === 'NIN' || sector === 'DIY';
  return [
    t('peshmerga', 'Infantry Brigade', 'brigade', 'infantry', 0.5, 14, r(8), 'bilateral'),
    t('peshmerga', 'Infantry Battalion 1', 'battalion', 'infantry', 0.2, 3, r(5), 'bilateral'),
    t('peshmerga', 'Infantry Battalion 2', 'battalion', 'infantry', 0.75, 2.5, r(4), 'jcc'),
    t('peshmerga', 'Reconnaissance Company', 'company', 'reconnaissance', 0.45, 1.5, corridor(2, 12), 'bilateral'),
    t('peshmerga', 'Artillery Battalion', 'battalion', 'fieldArtillery', 0.6, 10, r(6), 'own', { status: 'standby' }),
    t('federal', 'Infantry Brigade', 'brigade', 'infantry', 0.55, 14, r(8), 'bilateral', { service: 'Iraqi Army' }),
    t('federal', 'Infantry Battalion 1', 'battalion', 'infantry', 0.3, 3, r(5), 'bilateral', { service: 'Iraqi Army' }),
    police
      ? t('federal', 'Motorized Battalion', 'battalion', 'motorizedInfantry', 0.8, 3, r(4), 'jcc', { service: 'Federal Police' })
      : t('federal', 'Mechanized Battalion', 'battalion', 'mechanizedInfantry', 0.8, 4, r(4), 'jcc', { service: 'Iraqi Army' }),
    pmf
      ? t('federal', 'Regiment', 'regiment', 'infantry', 0.1, 5, corridor(3, 14), 'bilateral', { service: 'Popular Mobilization Forces' })
      : t('federal', 'Reconnaissance Company', 'company', 'reconnaissance', 0.1, 1.5, corridor(2, 12), 'bilateral', { service: 'Iraqi Army' }),
    t('federal', 'Armoured Battalion', 'battalion', 'armour', 0.65, 16, r(6), 'own', { service: 'Iraqi Army', status: 'standby' }),
  ];
}

/** Point 5 of the agreement: a joint force. Companies in the strip itself, where neither force stands alone. */
export const JOINT_UNITS: readonly { sector: SectorCode; createdBy: 'peshmerga' | 'federal'; template: UnitTemplate }[] = [
  { sector: 'KRK', createdBy: 'federal', template: t('joint', 'Joint Force Company 1', 'company', 'infantry', 0.35, -1, r(3), 'bilateral') },
  { sector: 'MAK', createdBy: 'peshmerga', template: t('joint', 'Joint Force Company 2', 'company', 'motorizedInfantry', 0.55, -1, r(3), 'bilateral') },
  { sector: 'DIY', createdBy: 'peshmerga', template: t('joint', 'Joint Military Police Platoon', 'platoon', 'militaryPolice', 0.7, -1, r(2), 'bilateral') },
];

/** The one formation a coded source names: Akhbar El Yom, 5/6 December 2021 (intake-dev case01). */
export const NAMED_UNIT = {
  name: 'Peshmerga 126th Brigade (named in a news report; position approximate)',
  place: 'qara-salem',
  sector: 'KRK' as SectorCode,
  echelon: 'brigade' as Echelon,
  entity: 'infantry' as EntityKind,
  radiusKm: 6,
};

export const SECTOR_NAMES: Record<SectorCode, string> = {
  NIN: 'Nineveh Plain / Sinjar axis',
  MAK: 'Makhmour axis',
  KRK: 'Kirkuk',
  DIY: 'Diyala / Khanaqin',
};
