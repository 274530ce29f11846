/**
 * Synthetic incidents that fill the 180-day window around the real ones: at real villages of the
 * disputed districts (denser in and near the strip, where ISIS works), with ACLED types, forces and
 * heavy-tailed casualty counts like the real data. Each says it is synthetic.
 */
import type { Party } from '../core/model/common.ts';
import type { DemoContext } from './demo-context.ts';
import type { SectorCode } from './front.data.ts';
import { placeOnFront, type FrontPosition } from './front.util.ts';
import { incidentRelease, logIncident, placementOf } from './incidents.builder.ts';
import { heavyTailCount, type Rng } from './rng.util.ts';
import type { ScenarioPlace } from './scenario-geo.ts';
import { fromMetres, round5, type LonLat } from './strip-geometry.util.ts';
import {
  AIR_FORCE, EVENT_KINDS, INCIDENT_DISTRICTS, ISIS, OUTLETS, RELEASE_MIX, TARGETS, VERIFICATION_MIX, WINDOW,
  type Category, type EventKind, type Target,
} from './synthetic-mix.data.ts';

interface Candidate {
  place: ScenarioPlace;
  weight: number;
}

/** In the strip: ten times the base weight; outside it the weight falls off over about 8 km. */
function densityWeight(pos: FrontPosition): number {
  if (pos.inStrip) return 10;
  return 1 + 6 * Math.exp(-(Math.abs(pos.signedM) - pos.halfStripM) / 8000);
}

function jitter(rng: Rng, p: LonLat, minM: number, maxM: number): LonLat {
  const a = rng.between(0, 2 * Math.PI);
  const d = rng.between(minM, maxM);
  return round5(fromMetres(p, [Math.cos(a) * d, Math.sin(a) * d]));
}

const federalTarget = (rng: Rng, sector: SectorCode): Target =>
  rng.weighted<Target>([['army', 6], ['police', sector === 'KRK' || sector === 'DIY' ? 3 : 0.5], ['pmf', sector === 'NIN' || sector === 'DIY' ? 2 : 0.5]]);

/** Who is hit: civilians, or the force holding the ground (either, inside the strip). */
function targetOf(rng: Rng, kind: EventKind, pos: FrontPosition): Target {
  if (rng.chance(kind.civilianShare)) return 'civilians';
  const peshmergaSide = pos.inStrip ? rng.chance(0.5) : pos.signedM > 0;
  return peshmergaSide ? 'peshmerga' : federalTarget(rng, pos.sector);
}

/** Night-heavy hours: most ISIS attacks come after dark. */
function occurredAt(rng: Rng): string {
  const day = rng.int(0, WINDOW.days - 1);
  const hour = rng.chance(0.65) ? (18 + rng.int(0, 10)) % 24 : rng.int(6, 17);
  const t = new Date(WINDOW.start).getTime() + day * 86_400_000 + hour * 3_600_000 + rng.int(0, 59) * 60_000;
  return new Date(t).toISOString();
}

function casualties(rng: Rng, kind: EventKind, target: Target): { killed: Partial<Record<Category, number>>; wounded: Partial<Record<Category, number>> } {
  const category = TARGETS[target].category;
  const killed: Partial<Record<Category, number>> = { [category]: heavyTailCount(rng, kind.killedZero, 1.7, 12) };
  const wounded: Partial<Record<Category, number>> = { [category]: heavyTailCount(rng, kind.woundedZero, 1.5, 20) };
  if (kind.isisKilledZero !== undefined) killed.other = heavyTailCount(rng, kind.isisKilledZero, 1.5, 12);
  return { killed, wounded };
}

async function candidates(ctx: DemoContext): Promise<Candidate[]> {
  const villages = await ctx.geo.villages(INCIDENT_DISTRICTS);
  return villages.map((place) => ({ place, weight: densityWeight(placeOnFront(ctx.front, [place.lon, place.lat])) }));
}

export async function buildSyntheticIncidents(ctx: DemoContext, count: number, seed: number, onEach?: (done: number) => void): Promise<void> {
  const { rng } = ctx;
  const pool = (await candidates(ctx)).map((c) => [c, c.weight] as const);
  if (pool.length === 0) throw new Error('demo: no places to put incidents at');
  const kinds = EVENT_KINDS.map((k) => [k, k.weight] as const);
  for (let i = 0; i < count; i++) {
    const { place } = rng.weighted(pool);
    const kind = rng.weighted(kinds);
    const exact = !ctx.geo.approximate && rng.chance(0.8);
    const [lon, lat] = exact ? round5([place.lon, place.lat]) : jitter(rng, [place.lon, place.lat], ctx.geo.approximate ? 1500 : 500, ctx.geo.approximate ? 6000 : 2000);
    const precision = exact ? 'exact' : 'near';
    const pos = placeOnFront(ctx.front, [lon, lat]);
    const target = targetOf(rng, kind, pos);
    const actingForce = pos.signedM >= 0 ? 'Peshmerga' : pos.sector === 'KRK' || pos.sector === 'DIY' ? 'Federal Police' : 'Iraqi Army';
    const perpetrator = kind.perpetrator === 'isis' ? ISIS : kind.perpetrator === 'air' ? AIR_FORCE : actingForce;
    const victim = kind.perpetrator === 'isis' ? TARGETS[target].actor : ISIS;
    const verification = rng.weighted(VERIFICATION_MIX);
    const where = await placementOf(ctx, lon, lat, precision);
    const placeName = `${exact ? '' : 'near '}${place.label}`;
    const loggedBy: Party = target === 'peshmerga' || (target === 'civilians' && pos.signedM >= 0) || (kind.perpetrator === 'force' && actingForce === 'Peshmerga') ? 'peshmerga' : 'federal';
    const outlets = [rng.pick(OUTLETS), ...(rng.chance(0.3) ? [rng.pick(OUTLETS)] : [])];
    const body = {
      title: kind.title(TARGETS[target].label, place.label, actingForce),
      description: `Synthetic demo incident (seed ${seed}, no. ${i + 1}): generated to show the workflow, not a real event.${verification === 'disputed' ? ' The two forces\' accounts differ.' : ''}`,
      occurredAt: occurredAt(rng),
      timePrecision: rng.weighted([['day', 7], ['hour', 2], ['minute', 1]] as const),
      location: { type: 'Point', coordinates: [lon, lat] },
      locationPrecision: precision,
      ...(place.id ? { placeId: place.id } : {}),
      placeName,
      ...(where.adminPcode ? { adminPcode: where.adminPcode } : {}),
      ...(where.jccId ? { jccId: where.jccId } : {}),
      ...casualties(rng, kind, target),
      actors: [{ name: perpetrator, side: 'perpetrator' }, { name: victim, side: 'target' }],
      acledEventType: kind.acled[0],
      acledSubEventType: kind.acled[1],
      sources: [...new Set(outlets)].map((name) => ({ name })),
      verification,
    };
    const release = incidentRelease(verification, rng.weighted(RELEASE_MIX), where.jcc, rng.chance(0.7) ? 'green' : 'amber');
    await logIncident(ctx, loggedBy, body, release);
    onEach?.(i + 1);
  }
}
