/**
 * Each force's forward line (one record per sector) and its units behind it, written by the
 * force's commander and released by its liaison officer.
 */
import type { Party, Principal } from '../core/model/common.ts';
import type { DemoContext, Release } from './demo-context.ts';
import { jccOf, liaisonOf, publish } from './demo-context.ts';
import { ILLUSTRATIVE_NOTE, SECTORS, type SectorCode } from './front.data.ts';
import { behindLine } from './front.util.ts';
import { round5, type LonLat } from './strip-geometry.util.ts';
import { JOINT_UNITS, NAMED_UNIT, SECTOR_NAMES, sectorTemplates, sidcOf, type UnitTemplate } from './units.data.ts';

const FORCE_NAME: Record<Party, string> = { peshmerga: 'Peshmerga', federal: 'Iraqi federal forces' };
const LINES_VALID_FROM = '2021-06-01T00:00:00Z';

/** Unit ids by sector and force, for the sweep operation's sectors. */
export type UnitIndex = { sector: SectorCode; force: Party | 'joint'; id: string; released: boolean }[];

export async function buildForceLines(ctx: DemoContext): Promise<void> {
  for (const party of ['peshmerga', 'federal'] as const) {
    const line = party === 'peshmerga' ? ctx.front.peshmergaLine : ctx.front.federalLine;
    for (const sector of SECTORS) {
      const [first, last] = ctx.front.sectorVertices(sector);
      const part = line.slice(first, last + 1);
      await publish(ctx, ctx.as(party, 'commander'), liaisonOf(ctx, party), 'force-line', {
        name: `${FORCE_NAME[party]} forward line – ${SECTOR_NAMES[sector]} (illustrative)`,
        geometry: { type: 'LineString', coordinates: part },
        validFrom: LINES_VALID_FROM,
        note: `${ILLUSTRATIVE_NOTE}. Strip between the lines measured at ${ctx.front.strip.minKm.toFixed(1)}–${ctx.front.strip.maxKm.toFixed(1)} km over the whole front.`,
      }, { scope: 'bilateral', tlp: 'green' }, 'amber');
    }
  }
}

function coverageOf(ctx: DemoContext, tpl: UnitTemplate, along: number, side: Party, depthM: number): unknown {
  if (tpl.coverage.kind === 'radius') return { kind: 'radius', radiusM: tpl.coverage.km * 1000 };
  // A patrol route parallel to the line, centred on the unit.
  const half = tpl.coverage.lengthKm / 2 / ctx.front.lengthKm;
  const route = [-half, 0, half].map((d) => behindLine(ctx.front, along + d, side, depthM));
  return { kind: 'corridor', route: { type: 'LineString', coordinates: route }, widthM: tpl.coverage.widthKm * 1000 };
}

function releaseOf(tpl: UnitTemplate, sector: SectorCode): Release {
  if (tpl.release === 'own') return { scope: 'own' };
  return tpl.release === 'jcc' ? { scope: 'jcc', jcc: sector, tlp: 'amber' } : { scope: 'bilateral', tlp: 'green' };
}

async function addUnit(ctx: DemoContext, author: Principal, sector: SectorCode, tpl: UnitTemplate, index: UnitIndex): Promise<void> {
  const [from, to] = ctx.front.sectorRange(sector);
  const along = from + (to - from) * Math.min(0.97, Math.max(0.03, tpl.at + ctx.rng.between(-0.04, 0.04)));
  const side: Party = tpl.force === 'federal' ? 'federal' : 'peshmerga';
  const depthM = tpl.depthKm * 1000 * (tpl.depthKm > 0 ? ctx.rng.between(0.8, 1.2) : 1);
  const position: LonLat = behindLine(ctx.front, along, side, depthM);
  const service = tpl.force === 'peshmerga' ? 'Peshmerga' : tpl.force === 'joint' ? 'Peshmerga–Iraqi Army' : (tpl.service ?? 'Iraqi Army');
  const release = releaseOf(tpl, sector);
  const rec = await publish(ctx, author, liaisonOf(ctx, author.party), 'unit', {
    name: `${service} ${tpl.label} – ${SECTOR_NAMES[sector]}`,
    force: tpl.force,
    echelon: tpl.echelon,
    sidc: sidcOf(tpl.echelon, tpl.entity),
    position: { type: 'Point', coordinates: position },
    coverage: coverageOf(ctx, tpl, along, side, depthM),
    jccId: jccOf(ctx, sector).id,
    status: tpl.status ?? 'active',
    note: `${ILLUSTRATIVE_NOTE} (position, designation and coverage are invented for the demo).`,
  }, release, release.scope === 'own' ? 'amber+strict' : 'amber');
  index.push({ sector, force: tpl.force, id: rec.id, released: release.scope === 'bilateral' });
}

export async function buildUnits(ctx: DemoContext): Promise<UnitIndex> {
  const index: UnitIndex = [];
  for (const sector of SECTORS) {
    for (const tpl of sectorTemplates(sector)) await addUnit(ctx, ctx.as(tpl.force === 'federal' ? 'federal' : 'peshmerga', 'commander'), sector, tpl, index);
  }
  for (const j of JOINT_UNITS) await addUnit(ctx, ctx.as(j.createdBy, 'commander'), j.sector, j.template, index);
  const place = await ctx.geo.place(NAMED_UNIT.place);
  const named = await publish(ctx, ctx.as('peshmerga', 'commander'), liaisonOf(ctx, 'peshmerga'), 'unit', {
    name: NAMED_UNIT.name,
    force: 'peshmerga',
    echelon: NAMED_UNIT.echelon,
    sidc: sidcOf(NAMED_UNIT.echelon, NAMED_UNIT.entity),
    position: { type: 'Point', coordinates: round5([place.lon, place.lat]) },
    coverage: { kind: 'radius', radiusM: NAMED_UNIT.radiusKm * 1000 },
    jccId: jccOf(ctx, NAMED_UNIT.sector).id,
    note: `Named as "Peshmerga 126th Brigade" at Qara Salem in Akhbar El Yom's report of the night of 5/6 December 2021; placed at ${place.label}. Coverage illustrative.`,
  }, { scope: 'bilateral', tlp: 'green' });
  index.push({ sector: NAMED_UNIT.sector, force: 'peshmerga', id: named.id, released: true });
  return index;
}
