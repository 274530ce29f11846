/**
 * Risk of each gap from the incidents in and near it, each weighted by its severity and halved
 * every half-life (DESIGN §6: time-weighted incident density). An incident counts inside the gap
 * whose cell it falls in, and near every other gap with a cell centre within `nearM`.
 */
import type { RiskExplanation } from './coverage.types.ts';
import type { GridIncident } from './prepare.ts';
import type { RunList } from './run-list.ts';

const DAY_MS = 86_400_000;
const MAX_IDS = 20;

export interface GapIndex {
  runs: RunList;
  /** Gap slot of each run, −1 for runs of gaps too small to list. */
  slotOfRun: (run: number) => number;
  slots: number;
  height: number;
}

export interface RiskParams { nowMs: number; halfLifeDays: number; nearCells: number }

interface Tally { inside: number; near: number; weighted: number; counted: { id: string; atMs: number }[] }

export function explainRisk(index: GapIndex, incidents: GridIncident[], p: RiskParams): RiskExplanation[] {
  const tallies: Tally[] = Array.from({ length: index.slots }, () => ({ inside: 0, near: 0, weighted: 0, counted: [] }));
  // The last incident counted for each gap: an incident counts once per gap, inside first.
  const lastSeen = new Int32Array(index.slots).fill(-1);
  const near: number[] = [];
  incidents.forEach((inc, n) => {
    const w = inc.weight * 0.5 ** (Math.max(0, p.nowMs - inc.atMs) / DAY_MS / p.halfLifeDays);
    const inside = slotAt(index, Math.floor(inc.u), Math.floor(inc.v));
    near.length = 0;
    gapsNear(index, inc.u, inc.v, p.nearCells, near);
    for (const slot of inside >= 0 ? [inside, ...near] : near) {
      if (lastSeen[slot] === n) continue;
      lastSeen[slot] = n;
      const t = tallies[slot]!;
      if (slot === inside) t.inside++;
      else t.near++;
      t.weighted += w;
      t.counted.push({ id: inc.id, atMs: inc.atMs });
    }
  });
  return tallies.map((t) => explanation(t, p));
}

function slotAt(index: GapIndex, col: number, row: number): number {
  if (row < 0 || row >= index.height) return -1;
  const run = index.runs.find(row, col);
  return run < 0 ? -1 : index.slotOfRun(run);
}

/** Gaps with a cell centre within `reach` cells of (u, v), into `out`: a span test per row of the disc. */
function gapsNear(index: GapIndex, u: number, v: number, reach: number, out: number[]): void {
  const { runs } = index;
  const r0 = Math.max(0, Math.ceil(v - reach - 0.5));
  const r1 = Math.min(index.height - 1, Math.floor(v + reach - 0.5));
  for (let row = r0; row <= r1; row++) {
    const dy = row + 0.5 - v;
    const h = Math.sqrt(Math.max(0, reach * reach - dy * dy));
    const lo = Math.ceil(u - h - 0.5);
    const hi = Math.floor(u + h - 0.5);
    const end = runs.rowStart[row + 1]!;
    for (let k = runs.firstEndingAfter(row, lo); k < end && runs.start[k]! <= hi; k++) {
      const slot = index.slotOfRun(k);
      if (slot >= 0) out.push(slot);
    }
  }
}

function explanation(t: Tally, p: RiskParams): RiskExplanation {
  const recent = t.counted.sort((a, b) => b.atMs - a.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const last = recent[0];
  return {
    incidentsInside: t.inside,
    incidentsNear: t.near,
    weightedIncidents: Math.round(t.weighted * 1e6) / 1e6,
    daysSinceLast: last ? Math.round((Math.max(0, p.nowMs - last.atMs) / DAY_MS) * 100) / 100 : null,
    halfLifeDays: p.halfLifeDays,
    incidentIds: recent.slice(0, MAX_IDS).map((c) => c.id),
  };
}
