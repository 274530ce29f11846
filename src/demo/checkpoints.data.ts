/**
 * The twelve joint checkpoints "at the entrances of Kirkuk, Diyala and Nineveh" (agreement
 * point 4), on the main roads between the Kurdistan Region and those governorates. Each stands at
 * a key place that is looked up in the gazetteer. Staffing and status are invented for the demo,
 * with some posts short of people, one restricted at night and one closed, so the operations
 * room has something to see.
 */
import type { Party } from '../core/model/common.ts';
import type { SectorCode } from './front.data.ts';

/** planned and present, per party: [peshmerga planned, present, federal planned, present]. */
type Shift = [number, number, number, number];

export interface CheckpointSpec {
  place: string;
  name: string;
  road: string;
  /** Governorate whose entrance the post guards (P-code), when it guards one. */
  entranceOf?: string;
  sector: SectorCode;
  createdBy: Party;
  status: 'open' | 'restricted' | 'closed';
  day: Shift;
  night: Shift;
  radiusM?: number;
  release?: 'bilateral' | 'jcc';
  note: string;
}

const FULL: Shift = [8, 8, 8, 8];

export const CHECKPOINTS: readonly CheckpointSpec[] = [
  { place: 'altun-kupri', name: 'Altun Kupri joint checkpoint', road: 'Erbil–Kirkuk road', entranceOf: 'IQG13', sector: 'KRK', createdBy: 'federal', status: 'open', day: [12, 12, 12, 12], night: [10, 10, 10, 10], radiusM: 1500, note: 'Lesser Zab bridge; main northern entrance of Kirkuk.' },
  { place: 'qara-hanjir', name: 'Qara Hanjir joint checkpoint', road: 'Kirkuk–Chamchamal–Sulaymaniyah road', entranceOf: 'IQG13', sector: 'KRK', createdBy: 'federal', status: 'restricted', day: FULL, night: [8, 5, 8, 8], note: 'Restricted to daylight traffic for heavy vehicles; Peshmerga night shift short of 3.' },
  { place: 'taza', name: 'Taza joint checkpoint', road: 'Kirkuk–Tuz Khurmatu road', entranceOf: 'IQG13', sector: 'KRK', createdBy: 'federal', status: 'open', day: FULL, night: FULL, note: 'Southern entrance of Kirkuk city on the road to Baghdad.' },
  { place: 'kalak', name: 'Kalak joint checkpoint', road: 'Erbil–Mosul road', entranceOf: 'IQG15', sector: 'NIN', createdBy: 'peshmerga', status: 'open', day: [12, 12, 10, 10], night: [10, 10, 8, 8], radiusM: 1500, note: 'Great Zab bridge.' },
  { place: 'hasan-sham', name: 'Khazir (Hasan Sham) joint checkpoint', road: 'Erbil–Mosul road', entranceOf: 'IQG15', sector: 'NIN', createdBy: 'peshmerga', status: 'open', day: FULL, night: [8, 8, 8, 6], note: 'Khazir river crossing; federal night shift short of 2.' },
  { place: 'fayda', name: 'Fayda joint checkpoint', road: 'Duhok–Mosul road', entranceOf: 'IQG15', sector: 'NIN', createdBy: 'peshmerga', status: 'open', day: FULL, night: [8, 8, 8, 4], note: 'Federal night shift at half strength.' },
  { place: 'sinuni', name: 'Sinuni joint checkpoint', road: 'Duhok–Sinjar road', entranceOf: 'IQG15', sector: 'NIN', createdBy: 'federal', status: 'closed', day: [6, 0, 6, 0], night: [6, 0, 6, 0], note: 'Closed: staff withdrawn pending a JCC decision on reopening.' },
  { place: 'gwer', name: 'Gwer joint checkpoint', road: 'Erbil–Gwer–Makhmour road', sector: 'MAK', createdBy: 'peshmerga', status: 'open', day: FULL, night: [8, 6, 8, 6], note: 'Great Zab crossing on the Makhmour axis; both night shifts short.' },
  { place: 'khanaqin', name: 'Khanaqin joint checkpoint', road: 'Kalar–Khanaqin road', entranceOf: 'IQG10', sector: 'DIY', createdBy: 'peshmerga', status: 'open', day: FULL, night: FULL, note: 'Northern entrance of Khanaqin.' },
  { place: 'kifri', name: 'Kifri joint checkpoint', road: 'Kalar–Kifri–Tuz road', entranceOf: 'IQG10', sector: 'DIY', createdBy: 'peshmerga', status: 'open', day: [8, 8, 10, 6], night: FULL, note: 'Federal day shift short of 4.' },
  { place: 'jalawla', name: 'Jalawla joint checkpoint', road: 'Khanaqin–Jalawla–Baqubah road', entranceOf: 'IQG10', sector: 'DIY', createdBy: 'federal', status: 'open', day: FULL, night: FULL, note: 'Diyala river bridge.' },
  { place: 'qara-tapa', name: 'Qara Tapa joint checkpoint', road: 'Kifri–Qara Tapa–Baqubah road', entranceOf: 'IQG10', sector: 'DIY', createdBy: 'federal', status: 'open', day: FULL, night: [8, 7, 8, 8], release: 'jcc', note: 'Hamrin foothills; released to the Diyala JCC only.' },
];
