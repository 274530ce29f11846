/**
 * A small world with hand-counted figures, shared by the statistics and SITREP tests: what a
 * federal reader and a peshmerga reader each may see of it is spelt out in `EXPECTED`.
 */
import type { Principal, Scope, Tlp } from '../core/model/common.ts';
import type { AdminArea, Place } from '../core/model/reference.ts';
import { KIRKUK, MAKHMOUR, squareAround, type TestEnv } from '../../test/support/env.ts';

export const NOW = '2021-12-05T00:00:00.000Z';
export const SINCE = '2021-11-15T00:00:00.000Z';

/** Text a hostile user could get past input checks: no tag opens, but quotes, ampersands and `<` before digits do. */
export const HOSTILE = `Tom & "Jerry" 'x' <1 &lt;script&gt; onerror=alert(1)`;
/** Words only the peshmerga's own records hold: they must never reach a federal reader. */
export const SECRET = 'zzsecretqq';

const area = (pcode: string, level: 2 | 3, parent: string, names: AdminArea['names'], at: [number, number], half: number): AdminArea => {
  const geometry = squareAround(at, half);
  const [lon, lat] = at;
  return { pcode, level, names, parentPcode: parent, geometry, bbox: [lon - half, lat - half, lon + half, lat + half], areaKm2: 1, inKurdistanRegion: null, source: 'test' };
};

const AREAS: AdminArea[] = [
  area('IQG13Q01', 2, 'IQG13', { en: 'Kirkuk', ar: 'كركوك', ckb: 'کەرکووک' }, KIRKUK, 0.2),
  area('IQG13Q01N01', 3, 'IQG13Q01', { en: 'Kirkuk centre', ar: 'مركز كركوك' }, KIRKUK, 0.05),
  area('IQG11Q04', 2, 'IQG11', { en: 'Makhmour', ar: 'مخمور', ckb: 'مەخموور' }, MAKHMOUR, 0.2),
];

const PLACES: Place[] = [
  { id: 'local:daquq', names: { en: 'Daquq', ar: 'داقوق', ckb: 'داقووق' }, altNames: [], kind: 'locality', lon: KIRKUK[0], lat: KIRKUK[1], adm1Pcode: 'IQG13', adm2Pcode: 'IQG13Q01', adm3Pcode: null, population: null, geonamesId: null, source: 'test' },
];

export interface FixtureIds {
  incidents: Record<'I1' | 'I2' | 'I3' | 'P1' | 'P2', string>;
}

/**
 * Incidents (2021):
 * - I1 federal, bilateral green, Tue 30 Nov (W48), Kirkuk, place Daquq; killed 2 civilians, wounded 1 federal; Battles. Title is hostile text.
 * - I2 federal, bilateral green, Thu 2 Dec (W48), Makhmour; killed 3 federal + 1 other, wounded 4 civilians; Explosions.
 * - I3 federal, own amber, Mon 22 Nov (W47), Kirkuk; no casualties, no type.
 * - P1 peshmerga, own amber+strict, Wed 1 Dec (W48), Kirkuk; killed 5, wounded 7 peshmerga; Battles. Secret words.
 * - P2 peshmerga, bilateral green, Fri 3 Dec (W48), Makhmour; killed 1 civilian.
 */
export async function seedFixture(env: TestEnv): Promise<FixtureIds> {
  const { services: s, principals: u } = env;
  const fedCmd = u['federal-commander'] as Principal;
  const pesCmd = u['peshmerga-commander'] as Principal;
  const admin = u['peshmerga-admin'] as Principal;
  await s.reference.importBatch(admin, { kind: 'admin-areas', items: AREAS }, 'test');
  await s.reference.importBatch(admin, { kind: 'places', items: PLACES }, 'test');

  const add = async (p: Principal, body: Record<string, unknown>, scope: Scope, tlp: Tlp): Promise<string> => {
    const r = await s.records.create(p, 'incident', { location: { type: 'Point', coordinates: KIRKUK }, ...body }, { tlp });
    if (scope.kind !== 'own') await s.records.release(p, 'incident', r.id, r.version, scope, tlp);
    return r.id;
  };
  const bilateral: Scope = { kind: 'bilateral' };
  const own: Scope = { kind: 'own' };
  const at = (c: [number, number]) => ({ type: 'Point', coordinates: c });
  const incidents = {
    I1: await add(fedCmd, { title: HOSTILE, description: HOSTILE, occurredAt: '2021-11-30T10:00:00Z', placeId: 'local:daquq', placeName: HOSTILE, killed: { civilian: 2 }, wounded: { federal: 1 }, acledEventType: 'Battles' }, bilateral, 'green'),
    I2: await add(fedCmd, { title: 'IED on the Makhmour road', occurredAt: '2021-12-02T20:00:00Z', location: at(MAKHMOUR), killed: { federal: 3, other: 1 }, wounded: { civilian: 4 }, acledEventType: 'Explosions/Remote violence' }, bilateral, 'green'),
    I3: await add(fedCmd, { title: 'Shots heard at night', occurredAt: '2021-11-22T08:00:00Z' }, own, 'amber'),
    P1: await add(pesCmd, { title: `Ambush ${SECRET}`, description: SECRET, occurredAt: '2021-12-01T00:00:00Z', placeName: SECRET, killed: { peshmerga: 5 }, wounded: { peshmerga: 7 }, acledEventType: 'Battles' }, own, 'amber+strict'),
    P2: await add(pesCmd, { title: 'Mortar round near Makhmour', occurredAt: '2021-12-03T12:00:00Z', location: at(MAKHMOUR), killed: { civilian: 1 } }, bilateral, 'green'),
  };

  const checkpoint = async (p: Principal, body: Record<string, unknown>, scope: Scope): Promise<void> => {
    const r = await s.records.create(p, 'checkpoint', { position: at(KIRKUK), ...body }, { tlp: 'green' });
    if (scope.kind !== 'own') await s.records.release(p, 'checkpoint', r.id, r.version, scope, 'green');
  };
  const shift = (party: string, planned: number, present: number) => ({ shift: 'day', party, planned, present });
  await checkpoint(fedCmd, { name: 'Kirkuk south gate', kind: 'joint', staffing: [shift('federal', 10, 10), shift('peshmerga', 8, 8)] }, bilateral);
  await checkpoint(fedCmd, { name: 'Daquq road post', kind: 'joint', staffing: [shift('federal', 10, 6), shift('peshmerga', 8, 8)] }, bilateral);
  await checkpoint(fedCmd, { name: 'Old quarry post', kind: 'unmanned' }, bilateral);
  await checkpoint(pesCmd, { name: `Hill post ${SECRET}`, kind: 'single-force', staffing: [shift('peshmerga', 4, 4)] }, own);

  const op = await s.records.create(fedCmd, 'operation', {
    name: 'Joint sweep & "clearance" of the foothills',
    kind: 'sweep',
    area: squareAround(MAKHMOUR, 0.05),
    plannedStart: '2021-12-01T04:00:00Z',
    plannedEnd: '2021-12-10T16:00:00Z',
    status: 'proposed',
    phases: [{ name: 'Phase one', start: '2021-12-01T04:00:00Z', end: '2021-12-04T04:00:00Z' }],
    sectors: [{ code: 'S1', name: 'North sector', area: squareAround(MAKHMOUR, 0.02), force: 'joint', progressPct: 40, status: 'in-progress' }],
  }, { tlp: 'green' });
  await s.records.release(fedCmd, 'operation', op.id, op.version, bilateral, 'green');

  const liaison = u['federal-liaison'] as Principal;
  const item = await s.records.create(liaison, 'action-item', { title: 'Share the checkpoint rota', ownerForce: 'joint', ownerOffice: 'Operations room', dueDate: '2021-12-01', status: 'open' }, { tlp: 'green' });
  await s.records.release(liaison, 'action-item', item.id, item.version, bilateral, 'green');
  await s.records.create(u['peshmerga-liaison'] as Principal, 'action-item', { title: `Brief ${SECRET}`, ownerForce: 'peshmerga', dueDate: '2021-12-09' }, { tlp: 'amber' });

  const line = async (p: Principal, name: string, coords: number[][], scope: Scope): Promise<void> => {
    const r = await s.records.create(p, 'force-line', { name, geometry: { type: 'LineString', coordinates: coords }, validFrom: '2021-01-01T00:00:00Z' }, { tlp: 'green' });
    if (scope.kind !== 'own') await s.records.release(p, 'force-line', r.id, r.version, scope, 'green');
  };
  await line(pesCmd, 'Peshmerga line', [[43.5, 35.7], [44.5, 35.6]], bilateral);
  await line(fedCmd, 'Federal line', [[43.5, 35.6], [44.5, 35.5]], bilateral);
  await line(pesCmd, `Own line ${SECRET}`, [[43.5, 35.65], [44.5, 35.55]], own);
  return { incidents };
}

/** What each reader may count in [SINCE, NOW]. */
export const EXPECTED = {
  federal: {
    incidents: 4,
    killed: { civilian: 3, peshmerga: 0, federal: 3, other: 1, total: 7 },
    wounded: { civilian: 4, peshmerga: 0, federal: 1, other: 0, total: 5 },
    weeks: { '2021-W46': 0, '2021-W47': 1, '2021-W48': 3 },
    tlp: 'amber',
  },
  peshmerga: {
    incidents: 4,
    killed: { civilian: 3, peshmerga: 5, federal: 3, other: 1, total: 12 },
    wounded: { civilian: 4, peshmerga: 7, federal: 1, other: 0, total: 12 },
    weeks: { '2021-W46': 0, '2021-W47': 0, '2021-W48': 4 },
    tlp: 'amber+strict',
  },
} as const;
