/**
 * The four Joint Coordination Centres agreed in 2021 (Rudaw: "four joint coordination centres").
 * Areas of responsibility come from the OCHA COD-AB boundaries when they are loaded (by P-code);
 * otherwise from the coarse outlines below, drawn by hand for the demo and labelled approximate.
 */
import type { Party } from '../core/model/common.ts';
import type { SectorCode } from './front.data.ts';

export interface JccSpec {
  code: SectorCode;
  name: { en: string; ar: string; ckb: string };
  /** Admin areas whose union is the area of responsibility (level 1 or 2 P-codes). */
  pcodes: string[];
  /** Key place (places.data.ts) of the headquarters. */
  headquarters: string;
  /** Which party's administrator creates the record (the JCC itself is joint). */
  createdBy: Party;
  staff: { peshmerga: number; federal: number };
  /** Hand-drawn outline, [lon, lat], used when no boundaries are loaded. Closed by the builder. */
  approximateOutline: [number, number][];
}

export const JCCS: readonly JccSpec[] = [
  {
    code: 'KRK',
    name: { en: 'Kirkuk Joint Coordination Centre', ar: 'مركز التنسيق المشترك في كركوك', ckb: 'ناوەندی هەماهەنگیی هاوبەشی کەرکووک' },
    pcodes: ['IQG13'],
    headquarters: 'kirkuk',
    createdBy: 'federal',
    staff: { peshmerga: 12, federal: 14 },
    approximateOutline: [
      [43.36, 35.47], [43.55, 35.20], [43.85, 35.05], [44.20, 34.95], [44.60, 35.08], [44.78, 35.35],
      [44.75, 35.62], [44.55, 35.82], [44.15, 35.80], [43.90, 35.80], [43.75, 35.58],
    ],
  },
  {
    code: 'MAK',
    name: { en: 'Makhmour Joint Coordination Centre', ar: 'مركز التنسيق المشترك في مخمور', ckb: 'ناوەندی هەماهەنگیی هاوبەشی مەخموور' },
    pcodes: ['IQG11Q04'],
    headquarters: 'makhmour',
    createdBy: 'peshmerga',
    staff: { peshmerga: 10, federal: 10 },
    approximateOutline: [
      [43.40, 36.12], [43.55, 36.15], [43.70, 36.05], [43.78, 35.92], [43.88, 35.82], [43.74, 35.60],
      [43.60, 35.45], [43.42, 35.50], [43.36, 35.70], [43.30, 35.90],
    ],
  },
  {
    code: 'NIN',
    name: {
      en: 'Nineveh Plain and Sinjar Axis Joint Coordination Centre',
      ar: 'مركز التنسيق المشترك لسهل نينوى ومحور سنجار',
      ckb: 'ناوەندی هەماهەنگیی هاوبەشی دەشتی نەینەوا و تەوەری شەنگال',
    },
    // Sinjar, Tel Afar, Al-Hamdaniya, Tilkaif and Shekhan districts.
    pcodes: ['IQG15Q07', 'IQG15Q08', 'IQG15Q03', 'IQG15Q09', 'IQG15Q06'],
    headquarters: 'tel-kaif',
    createdBy: 'federal',
    staff: { peshmerga: 12, federal: 12 },
    approximateOutline: [
      [41.30, 36.20], [41.50, 36.55], [42.05, 36.85], [42.50, 36.95], [43.00, 36.85], [43.45, 36.80],
      [43.60, 36.55], [43.70, 36.30], [43.55, 36.10], [43.30, 36.12], [43.22, 36.45], [43.00, 36.45],
      [42.80, 36.25], [42.10, 36.05], [41.60, 36.05],
    ],
  },
  {
    code: 'DIY',
    name: { en: 'Diyala and Khanaqin Joint Coordination Centre', ar: 'مركز التنسيق المشترك في ديالى وخانقين', ckb: 'ناوەندی هەماهەنگیی هاوبەشی دیالە و خانەقین' },
    // Khanaqin and Kifri districts.
    pcodes: ['IQG10Q05', 'IQG10Q06'],
    headquarters: 'khanaqin',
    createdBy: 'peshmerga',
    staff: { peshmerga: 10, federal: 10 },
    approximateOutline: [
      [44.75, 34.95], [45.05, 34.90], [45.30, 34.75], [45.50, 34.65], [45.75, 34.45], [45.60, 34.10],
      [45.25, 34.00], [44.95, 34.15], [44.75, 34.45], [44.70, 34.75],
    ],
  },
];
