import type { Language, Party } from '../../core/model/common.ts';
import type { AcledType } from '../../core/model/incident.ts';
import { AR } from './strings.ar.ts';
import { CKB } from './strings.ckb.ts';
import { EN } from './strings.en.ts';

/**
 * Every word the report and the statistics print, in the three working languages. Values that
 * take a number receive it already formatted in the locale, so digits match the language.
 */
export interface Strings {
  title: string;
  allJccs: string;
  outsideJccs: string;
  unknownArea: string;
  window: { 24: string; 168: string; other: (hours: string) => string };
  period: string;
  /** Between the parts of a sentence: the Arabic comma in Arabic script. */
  comma: string;
  generated: string;
  generatedBy: (name: string, party: string) => string;
  timesNote: string;
  handling: string;
  visibilityNote: string;
  sections: {
    summary: string;
    map: string;
    incidents: string;
    casualties: string;
    gaps: string;
    checkpoints: string;
    operations: string;
    actionItems: string;
  };
  figures: { incidents: string; killed: string; wounded: string; total: string; casualties: string };
  categories: { civilian: string; peshmerga: string; federal: string; other: string };
  parties: Record<Party | 'joint', string>;
  columns: {
    time: string; place: string; type: string; title: string; jcc: string; verification: string;
    name: string; kind: string; status: string; staffing: string; planned: string; present: string;
    progress: string; phases: string; sectors: string; due: string; owner: string; rank: string;
    area: string; risk: string; week: string;
  };
  none: string;
  notListed: (count: string) => string;
  overdue: string;
  verification: Record<'draft' | 'reported' | 'confirmed' | 'disputed', string>;
  acled: Record<AcledType, string>;
  unspecifiedType: string;
  staffing: Record<'full' | 'short' | 'unmanned', string>;
  checkpointKind: Record<'joint' | 'single-force' | 'unmanned', string>;
  checkpointStatus: Record<'open' | 'restricted' | 'closed', string>;
  operationKind: Record<'sweep' | 'clearance' | 'joint-patrol' | 'checkpoint-reinforcement' | 'other', string>;
  operationStatus: Record<'draft' | 'proposed' | 'active' | 'suspended' | 'completed' | 'cancelled', string>;
  sectorStatus: Record<'planned' | 'in-progress' | 'cleared' | 'halted', string>;
  actionStatus: Record<'open' | 'in-progress' | 'done' | 'cancelled', string>;
  map: {
    sketch: string;
    north: string;
    km: string;
    km2: string;
    legendIncident: string;
    legendJcc: string;
    legendDistricts: string;
    legendLine: Record<Party, string>;
    legendGap: string;
  };
  gapsUnavailable: string;
  gapsNote: string;
  phaseOpen: string;
}

const STRINGS: Record<Language, Strings> = { ar: AR, ckb: CKB, en: EN };

export const stringsFor = (lang: Language): Strings => STRINGS[lang];

/** Locales for Intl: Iraqi Arabic and Sorani write Arabic-Indic digits; English uses day-month order. */
export const LOCALES: Record<Language, string> = { ar: 'ar-IQ', ckb: 'ckb-IQ', en: 'en-GB' };

export const isRtl = (lang: Language): boolean => lang !== 'en';

/** The best name of a place or area for a reader of `lang`: their language, then English, then any. */
export function pickName(names: Partial<Record<'en' | 'ar' | 'ckb' | 'kuLatn', string>>, lang: Language): string | undefined {
  // Sorani readers read Arabic script more easily than Latin; Arabic readers likewise.
  const order: readonly ('en' | 'ar' | 'ckb' | 'kuLatn')[] = lang === 'ckb' ? ['ckb', 'ar', 'kuLatn', 'en'] : lang === 'ar' ? ['ar', 'ckb', 'en', 'kuLatn'] : ['en', 'kuLatn', 'ar', 'ckb'];
  for (const k of order) {
    const v = names[k];
    if (v) return v;
  }
  return undefined;
}
