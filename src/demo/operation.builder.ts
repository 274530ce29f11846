/**
 * The joint sweep of July 2021 ("more than 17,000 km² of the area between the federal forces and
 * the Peshmerga", Rudaw): planned by the federal Joint Operations Command, approved by both
 * commanders through the operation service, then started, run sector by sector and completed.
 */
import type { Polygon } from '../core/geo/geometry.ts';
import type { Party } from '../core/model/common.ts';
import type { Operation } from '../core/model/operation.ts';
import type { DemoContext } from './demo-context.ts';
import { liaisonOf } from './demo-context.ts';
import { SECTORS } from './front.data.ts';
import type { UnitIndex } from './forces.builder.ts';
import { bandRing } from './strip-geometry.util.ts';
import { SECTOR_NAMES } from './units.data.ts';

const PHASES = [
  { name: 'Phase 1: cordon and reconnaissance', start: '2021-07-04T04:00:00+03:00', end: '2021-07-06T18:00:00+03:00' },
  { name: 'Phase 2: search and clearance of the strip', start: '2021-07-06T18:00:00+03:00', end: '2021-07-14T18:00:00+03:00' },
  { name: 'Phase 3: consolidation and handover to the JCCs', start: '2021-07-14T18:00:00+03:00', end: '2021-07-18T18:00:00+03:00' },
];

interface SweepSector {
  code: string;
  name: string;
  area: Polygon;
  force: Party;
  unitIds: string[];
  progressPct: number;
  status: 'planned' | 'in-progress' | 'cleared';
}

/** Each front sector split along the centre line: the Peshmerga sweep their side, the federal forces theirs. */
function sweepSectors(ctx: DemoContext, units: UnitIndex): SweepSector[] {
  const rows = ctx.front.sweepWidths;
  return SECTORS.flatMap((code) => {
    const [first, last] = ctx.front.sectorVertices(code);
    return (['peshmerga', 'federal'] as const).map((force): SweepSector => {
      const left = (i: number): number => (force === 'peshmerga' ? rows[i]!.leftM : 0);
      const right = (i: number): number => (force === 'federal' ? rows[i]!.rightM : 0);
      const area: Polygon = { type: 'Polygon', coordinates: [bandRing(ctx.front.centre, left, right, first, last)] };
      return {
        code: `${code}-${force === 'peshmerga' ? 'P' : 'F'}`,
        name: `${SECTOR_NAMES[code]} – ${force === 'peshmerga' ? 'Peshmerga' : 'federal'} side`,
        area,
        force,
        unitIds: units.filter((u) => u.sector === code && u.released && (u.force === force || u.force === 'joint')).map((u) => u.id),
        progressPct: 0,
        status: 'planned',
      };
    });
  });
}

export async function buildSweepOperation(ctx: DemoContext, units: UnitIndex): Promise<void> {
  const { records, operations } = ctx.services;
  const planner = ctx.as('federal', 'commander');
  const sectors = sweepSectors(ctx, units);
  const created = await records.create(planner, 'operation', {
    name: 'Joint sweep of the strip between the forces (July 2021)',
    kind: 'sweep',
    objective: 'Search the area between the federal forces and the Peshmerga for ISIS remnants, in the first joint operation there since October 2017. Demo record: the area is the illustrative sweep band around the hand-drawn front.',
    area: ctx.front.sweepArea,
    plannedStart: PHASES[0]!.start,
    plannedEnd: PHASES[2]!.end,
    phases: PHASES,
    sectors,
    unitIds: [...new Set(sectors.flatMap((s) => s.unitIds))],
    status: 'proposed',
    parties: ['peshmerga', 'federal'],
    note: `Sweep area ${Math.round(ctx.front.sweepAreaKm2).toLocaleString('en')} km² (geodesic), reported as more than 17,000 km².`,
  }, { tlp: 'amber' });
  ctx.bump('operation');
  let op = await records.release(liaisonOf(ctx, 'federal'), 'operation', created.id, created.version, { kind: 'bilateral' }, 'amber');
  const revision = (op.data as Operation).planRevision;
  // Both commanders approve the same plan revision; the Peshmerga first, as the plan came from Baghdad.
  for (const party of ['peshmerga', 'federal'] as Party[]) {
    await operations.decide(ctx.as(party, 'commander'), op.id, { decision: 'approved', planRevision: revision, comment: `Approved by the ${party === 'peshmerga' ? 'Peshmerga' : 'Joint Operations Command'} commander.` }, {});
    ctx.bump('operation-approval');
  }
  op = await records.update(planner, 'operation', op.id, op.version, { status: 'active' });
  // Progress reports as the sweep moves through its phases, then completion.
  for (const pct of [35, 70, 100]) {
    const next = sectors.map((s, i) => ({ ...s, progressPct: Math.min(100, pct + (pct < 100 ? (i % 3) * 5 : 0)), status: pct === 100 ? ('cleared' as const) : ('in-progress' as const) }));
    op = await records.update(planner, 'operation', op.id, op.version, { sectors: next });
  }
  await records.update(planner, 'operation', op.id, op.version, { status: 'completed' });
}
