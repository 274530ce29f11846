import type { RecordType } from '../../src/core/model/common.ts';
import type { AdminArea } from '../../src/core/model/reference.ts';
import { KIRKUK, MAKHMOUR, squareAround } from './env.ts';

/** Valid bodies for each record type, placed around Kirkuk unless told otherwise. */

const point = (at: [number, number] = KIRKUK) => ({ type: 'Point', coordinates: at });

export const sampleIncident = (over: Record<string, unknown> = {}) => ({
  title: 'Mortar fire near Daquq',
  description: 'Two rounds landed in an empty field.',
  occurredAt: '2025-02-28T21:30:00Z',
  location: point(),
  ...over,
});

export const sampleOperation = (over: Record<string, unknown> = {}) => ({
  name: 'Sweep of the Qarachogh foothills',
  kind: 'sweep',
  area: squareAround(MAKHMOUR, 0.05),
  plannedStart: '2025-03-05T04:00:00Z',
  plannedEnd: '2025-03-06T16:00:00Z',
  status: 'proposed',
  ...over,
});

/** Everything but operation approvals, which need an operation to point at. */
export const SAMPLES: Record<Exclude<RecordType, 'operation-approval'>, () => Record<string, unknown>> = {
  incident: () => sampleIncident(),
  unit: () => ({ name: '2nd Battalion', force: 'peshmerga', echelon: 'battalion', sidc: '10031000001211000000', position: point(), coverage: { kind: 'radius', radiusM: 3000 } }),
  checkpoint: () => ({ name: 'Kirkuk south entrance', kind: 'joint', position: point() }),
  jcc: () => ({ code: 'DYL', name: { en: 'Diyala JCC' }, area: squareAround([44.97, 33.75]) }),
  operation: () => sampleOperation(),
  meeting: () => ({ title: 'Weekly coordination meeting', startsAt: '2025-03-02T09:00:00Z', location: point() }),
  'agreement-point': () => ({ title: 'Joint checkpoints at the entrances of Kirkuk' }),
  'action-item': () => ({ title: 'Staff the Kirkuk south checkpoint', ownerForce: 'joint', dueDate: '2025-03-15' }),
  report: () => ({ kind: 'field', title: 'Patrol report, Daquq', receivedAt: '2025-02-28T22:00:00Z', location: point() }),
  'force-line': () => ({ name: 'Forward line, Makhmour sector', geometry: { type: 'LineString', coordinates: [[43.5, 35.7], [43.65, 35.85]] }, validFrom: '2025-01-01T00:00:00Z' }),
};

/** A change of one text field per type. */
export const SAMPLE_CHANGES: Record<RecordType, Record<string, unknown>> = {
  incident: { title: 'Mortar fire near Daquq (confirmed)' },
  unit: { name: '2nd Battalion (reinforced)' },
  checkpoint: { name: 'Kirkuk south entrance (joint)' },
  jcc: { note: 'Opened in March' },
  operation: { name: 'Sweep of the Qarachogh foothills, phase 1' },
  'operation-approval': { comment: 'changed' },
  meeting: { title: 'Weekly coordination meeting (moved)' },
  'agreement-point': { title: 'Joint checkpoints at the entrances of Kirkuk and Diyala' },
  'action-item': { title: 'Staff the Kirkuk south checkpoint by day and night' },
  report: { title: 'Patrol report, Daquq (revised)' },
  'force-line': { name: 'Forward line, Makhmour sector (revised)' },
};

/** A square admin area of `half` degrees around a point (level 2 areas belong to IQG13). */
export const adminAreaAround = (pcode: string, level: 1 | 2, at: [number, number], half: number): AdminArea => ({
  pcode, level, names: { en: pcode }, parentPcode: level === 2 ? 'IQG13' : null, geometry: squareAround(at, half),
  bbox: [at[0] - half, at[1] - half, at[0] + half, at[1] + half], areaKm2: 1, inKurdistanRegion: false, source: 'test',
});
