/**
 * Width of the vacuum strip along the Peshmerga line: at stations along the line, the strip cells
 * met along the line's normal (within the strip depth on either side) are counted: the width
 * across the strip at that station, to one sample step (a cell, or 1 % of the depth if larger).
 */
import type { Grid } from './grid.ts';

export interface WidthProfile {
  widthProfile: { alongKm: number; widthKm: number }[];
  meanWidthKm: number;
  maxWidthKm: number;
}

const MAX_STATIONS = 400;
const MIN_STATION_STEP_M = 1_000;
const SAMPLES_PER_DEPTH = 100;

interface Station { u: number; v: number; nu: number; nv: number; alongM: number }

export function widthProfile(inStrip: (col: number, row: number) => boolean, grid: Grid, axis: Float64Array[], depthM: number): WidthProfile {
  const reach = Math.max(1, depthM / grid.cellM);
  const step = Math.max(1, reach / SAMPLES_PER_DEPTH);
  const inside = (u: number, v: number): boolean => u >= 0 && v >= 0 && u < grid.width && v < grid.height && inStrip(Math.floor(u), Math.floor(v));
  const profile: WidthProfile['widthProfile'] = [];
  for (const s of stations(axis, grid.cellM)) {
    let hits = 0;
    for (let t = -reach; t <= reach; t += step) if (inside(s.u + t * s.nu, s.v + t * s.nv)) hits++;
    if (hits > 0) profile.push({ alongKm: round3(s.alongM / 1000), widthKm: round3((hits * step * grid.cellM) / 1000) });
  }
  const widths = profile.map((p) => p.widthKm);
  return {
    widthProfile: profile,
    meanWidthKm: widths.length ? round3(widths.reduce((a, b) => a + b, 0) / widths.length) : 0,
    maxWidthKm: widths.reduce((a, b) => Math.max(a, b), 0),
  };
}

/** Points every step along the lines (grid units), with the unit normal of their segment. */
function stations(axis: Float64Array[], cellM: number): Station[] {
  let total = 0;
  for (const line of axis) for (let i = 0; i + 3 < line.length; i += 2) total += Math.hypot(line[i + 2]! - line[i]!, line[i + 3]! - line[i + 1]!);
  const step = Math.max(MIN_STATION_STEP_M / cellM, total / MAX_STATIONS);
  const out: Station[] = [];
  let along = 0;
  let nextAt = 0;
  for (const line of axis) {
    for (let i = 0; i + 3 < line.length; i += 2) {
      const ax = line[i]!, ay = line[i + 1]!, dx = line[i + 2]! - ax, dy = line[i + 3]! - ay;
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      for (; nextAt <= along + len; nextAt += step) {
        const t = (nextAt - along) / len;
        out.push({ u: ax + t * dx, v: ay + t * dy, nu: -dy / len, nv: dx / len, alongM: nextAt * cellM });
      }
      along += len;
    }
  }
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
