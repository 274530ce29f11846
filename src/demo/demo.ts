/**
 * The demo scenario: the joint coordination of 2021 between the Peshmerga and the federal forces,
 * loaded into an empty site through the services, as each party's staff would enter it, so the
 * event log, the audit chain and the access rules behave as in real use. Deterministic: the same
 * seed and geodata give the same records (ids and timestamps aside).
 */
import { PARTIES, ROLES, type Party, type Principal, type RecordType, type Role } from '../core/model/common.ts';
import { KINDS } from '../core/model/kinds.ts';
import type { Services } from '../services/services.ts';
import { buildCheckpoints } from './checkpoints.builder.ts';
import { jccOf, type DemoContext } from './demo-context.ts';
import { buildForceLines, buildUnits } from './forces.builder.ts';
import { buildFront } from './front.util.ts';
import { buildRealIncidents } from './incidents.builder.ts';
import { buildJccs } from './jccs.builder.ts';
import { buildMeeting } from './meeting.builder.ts';
import { buildSweepOperation } from './operation.builder.ts';
import { REAL_INCIDENTS } from './real-incidents.data.ts';
import { loadReference } from './reference.builder.ts';
import { mulberry32 } from './rng.util.ts';
import { buildSyntheticIncidents } from './synthetic-incidents.builder.ts';
import { accountName, addAdmins, addStaff, type Accounts } from './users.builder.ts';

export interface DemoOptions {
  /** The folder of ../shared/geo, or null for the demo's own approximate geography. */
  geoDir: string | null;
  /** Password of every demo account (at least 10 characters). */
  password: string;
  onProgress?: (step: string, done: number, total: number) => void;
  seed?: number;
}

export interface DemoResult {
  users: { username: string; party: Party; role: Role }[];
  /** Records written, by type (plural, as in the API), plus users, places and admin areas. */
  counts: Record<string, number>;
  /** True when no reference geodata was loaded and every geometry is the demo's approximation. */
  approximate: boolean;
  /** What the loader had to fall back on or could not import. */
  notes: string[];
  /** Measured on the illustrative front. */
  front: { stripMinKm: number; stripMaxKm: number; stripMeanKm: number; sweepAreaKm2: number };
}

/** 2 December 2021, the Khidirjija attack. */
export const DEFAULT_SEED = 20211202;
export const INCIDENT_TOTAL = 300;

const STEPS = [
  'administrators', 'reference geodata', 'joint coordination centres', 'staff accounts', 'force lines', 'units',
  'joint checkpoints', 'incidents from sources', 'synthetic incidents', 'joint sweep operation', 'Makhmour meeting and agreement points',
] as const;

export async function loadDemo(services: Services, opts: DemoOptions): Promise<DemoResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  let stepNo = 0;
  const step = (name: (typeof STEPS)[number]): void => {
    stepNo = STEPS.indexOf(name);
    opts.onProgress?.(name, stepNo, STEPS.length);
  };
  const accounts: Accounts = new Map();
  const counts: Record<string, number> = {};
  const notes: string[] = [];
  const as = (party: Party, role: Role): Principal => {
    const p = accounts.get(accountName(party, role));
    if (!p) throw new Error(`demo: account ${accountName(party, role)} does not exist yet`);
    return p;
  };

  step('administrators');
  await addAdmins(services, opts.password, accounts);
  step('reference geodata');
  // Reference data is maintained by the administrator of the site's own party.
  const reference = await loadReference(services, as(services.ctx.site.party, 'admin'), opts.geoDir, notes, (file) => opts.onProgress?.(`reference geodata: ${file}`, stepNo, STEPS.length));
  counts['admin-areas'] = reference.imported.adminAreas;
  counts['places'] = reference.imported.places;

  const ctx: DemoContext = {
    services,
    rng: mulberry32(seed),
    geo: reference.geo,
    front: buildFront(),
    jccs: [],
    notes,
    as,
    bump: (type, by = 1) => {
      const key = KINDS[type as RecordType]?.plural ?? type;
      counts[key] = (counts[key] ?? 0) + by;
    },
  };

  step('joint coordination centres');
  ctx.jccs.push(...(await buildJccs(ctx)));
  step('staff accounts');
  await addStaff(services, opts.password, accounts, (code) => jccOf(ctx, code).id);
  counts['users'] = accounts.size;
  step('force lines');
  await buildForceLines(ctx);
  step('units');
  const units = await buildUnits(ctx);
  step('joint checkpoints');
  await buildCheckpoints(ctx);
  step('incidents from sources');
  await buildRealIncidents(ctx);
  step('synthetic incidents');
  const synthetic = INCIDENT_TOTAL - REAL_INCIDENTS.length;
  await buildSyntheticIncidents(ctx, synthetic, seed, (done) => {
    if (done % 50 === 0) opts.onProgress?.(`synthetic incidents: ${done} of ${synthetic}`, stepNo, STEPS.length);
  });
  step('joint sweep operation');
  await buildSweepOperation(ctx, units);
  step('Makhmour meeting and agreement points');
  await buildMeeting(ctx);
  opts.onProgress?.('done', STEPS.length, STEPS.length);

  return {
    users: PARTIES.flatMap((party) => ROLES.map((role) => ({ username: accountName(party, role), party, role }))),
    counts,
    approximate: ctx.geo.approximate,
    notes,
    front: { stripMinKm: ctx.front.strip.minKm, stripMaxKm: ctx.front.strip.maxKm, stripMeanKm: ctx.front.strip.meanKm, sweepAreaKm2: ctx.front.sweepAreaKm2 },
  };
}
