/**
 * The demo's illustrative front. No public dataset of the forces' lines exists (see
 * ../shared/geo/README), so this is a hand-drawn centre line of the strip between the two forward
 * lines, from the Syrian border north of Rabia to the Iranian border east of Khanaqin, roughly
 * following the post-October-2017 contact line as described in news reports. Both forward lines
 * and the July 2021 sweep area are offsets of it (see strip-geometry.util.ts).
 */

/** The four sectors, one per JCC (codes as in jccs.data.ts). */
export type SectorCode = 'NIN' | 'MAK' | 'KRK' | 'DIY';
/** West to east, the order of the centre line. */
export const SECTORS: readonly SectorCode[] = ['NIN', 'MAK', 'KRK', 'DIY'];

export interface FrontVertex {
  lon: number;
  lat: number;
  /** Width of the empty strip between the two forward lines here (the reports say up to 10 km). */
  stripKm: number;
  /** How far the sweep area reaches to the Peshmerga side (left of travel, north/east). */
  sweepLeftKm: number;
  /** How far the sweep area reaches to the federal side (right of travel, south/west). */
  sweepRightKm: number;
  sector: SectorCode;
}

const v = (sector: SectorCode, lon: number, lat: number, stripKm: number, sweepLeftKm: number, sweepRightKm: number): FrontVertex =>
  ({ lon, lat, stripKm, sweepLeftKm, sweepRightKm, sector });

// Widest (about 10 km) below Qarachogh, where Khidirjija lies, and in Garmiyan; narrowest where
// the main roads cross (Kalak, Khazir, Altun Kupri). The sweep reaches further to the federal
// side, where the 2021 operations searched the Qarachogh foothills, Wadi al-Shay and Hamrin;
// it is narrower south of Altun Kupri only so that the band does not fold over at that bend.
export const FRONT: readonly FrontVertex[] = [
  v('NIN', 42.38, 36.98, 4, 9, 28),
  v('NIN', 42.57, 36.85, 5, 11, 31),
  v('NIN', 42.75, 36.76, 4, 11, 31),
  v('NIN', 42.93, 36.70, 3, 11, 31),
  v('NIN', 43.10, 36.66, 4, 11, 31),
  v('NIN', 43.28, 36.58, 5, 11, 31),
  v('NIN', 43.42, 36.46, 4, 11, 28),
  v('NIN', 43.52, 36.34, 2.5, 9, 23),
  v('NIN', 43.56, 36.20, 3, 9, 23),
  v('MAK', 43.54, 36.06, 4, 9, 26),
  v('MAK', 43.60, 35.94, 6, 9, 28),
  v('MAK', 43.665, 35.83, 9, 9, 30),
  v('MAK', 43.70, 35.74, 10, 9, 30),
  v('MAK', 43.80, 35.69, 8, 9, 28),
  v('KRK', 43.95, 35.73, 5, 9, 18),
  v('KRK', 44.10, 35.77, 2.5, 9, 18),
  v('KRK', 44.26, 35.75, 4, 9, 16),
  v('KRK', 44.44, 35.68, 5, 9, 18),
  v('KRK', 44.60, 35.58, 4, 9, 26),
  v('KRK', 44.72, 35.44, 5, 9, 28),
  v('KRK', 44.79, 35.27, 7, 9, 28),
  v('KRK', 44.83, 35.08, 8, 9, 28),
  v('DIY', 44.86, 34.90, 9, 9, 28),
  v('DIY', 44.88, 34.74, 8, 9, 28),
  v('DIY', 44.99, 34.59, 7, 9, 28),
  v('DIY', 45.15, 34.50, 6, 9, 28),
  v('DIY', 45.30, 34.45, 4, 9, 25),
  v('DIY', 45.44, 34.45, 4, 7, 23),
  v('DIY', 45.54, 34.50, 5, 6, 18),
];

/** Corner cutting rounds applied to FRONT before offsetting. */
export const SMOOTHING_ITERATIONS = 3;

export const ILLUSTRATIVE_NOTE = 'illustrative: no public dataset of the lines exists; drawn by hand for the demo from news reports';
