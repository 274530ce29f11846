import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkpointSchema } from '../core/model/checkpoint.ts';
import { forceLineSchema } from '../core/model/force-line.ts';
import { incidentSchema } from '../core/model/incident.ts';
import { unitSchema } from '../core/model/unit.ts';
import { checkpointSources, incidentInput, isCurrentLine, unitSources, widenBbox } from './coverage-sources.ts';

const at = [44.39, 35.47];
const point = { type: 'Point', coordinates: at };
const area = { type: 'Polygon', coordinates: [[[44.3, 35.4], [44.5, 35.4], [44.5, 35.5], [44.3, 35.4]]] };
const route = { type: 'LineString', coordinates: [[44.3, 35.4], [44.5, 35.5]] };
const unit = (over: Record<string, unknown>) => unitSchema.parse({ name: 'U', force: 'peshmerga', echelon: 'company', sidc: '10031000001211000000', position: point, ...over });
const checkpoint = (over: Record<string, unknown>) => checkpointSchema.parse({ name: 'C', kind: 'joint', position: point, ...over });

void describe('coverage sources', () => {
  test('units: radius, corridor and area coverage; a joint unit covers for both parties', () => {
    assert.deepEqual(unitSources('a', unit({ coverage: { kind: 'radius', radiusM: 3000 } })), [{ party: 'peshmerga', kind: 'circle', center: at, radiusM: 3000, id: 'a' }]);
    assert.deepEqual(unitSources('b', unit({ force: 'federal', coverage: { kind: 'corridor', route, widthM: 800 } })), [{ party: 'federal', kind: 'corridor', route, widthM: 800, id: 'b' }]);
    assert.deepEqual(unitSources('c', unit({ area, coverage: { kind: 'area' } })).map((s) => s.kind), ['polygon']);
    assert.deepEqual(unitSources('d', unit({ force: 'joint', coverage: { kind: 'radius', radiusM: 1000 } })).map((s) => s.party), ['peshmerga', 'federal']);
  });

  test('units without coverage, or inactive, give nothing; standby units count', () => {
    assert.deepEqual(unitSources('a', unit({})), []);
    assert.deepEqual(unitSources('b', unit({ status: 'inactive', coverage: { kind: 'radius', radiusM: 3000 } })), []);
    assert.equal(unitSources('c', unit({ status: 'standby', coverage: { kind: 'radius', radiusM: 3000 } })).length, 1);
  });

  test('checkpoints: closed and unmanned give nothing; single-force ones cover for whoever staffs them', () => {
    assert.deepEqual(checkpointSources('a', checkpoint({ status: 'closed' }), 'peshmerga'), []);
    assert.deepEqual(checkpointSources('b', checkpoint({ kind: 'unmanned' }), 'peshmerga'), []);
    assert.deepEqual(checkpointSources('c', checkpoint({ status: 'restricted', coverageRadiusM: 1500 }), 'peshmerga').map((s) => [s.party, s.kind === 'circle' && s.radiusM]), [['peshmerga', 1500], ['federal', 1500]]);
    const staffed = checkpoint({ kind: 'single-force', staffing: [{ shift: 'day', party: 'federal', planned: 4, present: 2 }] });
    assert.deepEqual(checkpointSources('d', staffed, 'peshmerga').map((s) => s.party), ['federal']);
    assert.deepEqual(checkpointSources('e', checkpoint({ kind: 'single-force' }), 'peshmerga').map((s) => s.party), ['peshmerga']);
  });

  test('force lines count from validFrom until validUntil', () => {
    const line = (over: Record<string, unknown>) => forceLineSchema.parse({ name: 'L', geometry: route, validFrom: '2025-01-01T00:00:00Z', ...over });
    const now = Date.parse('2025-03-01T00:00:00Z');
    assert.equal(isCurrentLine(line({}), now), true);
    assert.equal(isCurrentLine(line({ validFrom: '2025-03-02T00:00:00Z' }), now), false);
    assert.equal(isCurrentLine(line({ validUntil: '2025-03-01T00:00:00Z' }), now), false);
    assert.equal(isCurrentLine(line({ validUntil: '2025-03-01T00:00:01Z' }), now), true);
  });

  test('incidents weigh 1 + killed + wounded/2; drafts do not count', () => {
    const incident = (over: Record<string, unknown>) => incidentSchema.parse({ title: 'T', occurredAt: '2025-02-01T10:00:00Z', location: point, ...over });
    assert.deepEqual(incidentInput('i', incident({ killed: { civilian: 2, federal: 1 }, wounded: { peshmerga: 3 } })), { id: 'i', point: at, atMs: Date.parse('2025-02-01T10:00:00Z'), weight: 5.5 });
    assert.equal(incidentInput('j', incident({ verification: 'draft' })), undefined);
  });

  test('a box widened by metres grows more in longitude than in latitude away from the equator', () => {
    const [minLon, minLat, maxLon, maxLat] = widenBbox([44, 35, 44, 35], 1113.2);
    assert.ok(Math.abs(maxLat - 35.01) < 1e-9 && Math.abs(minLat - 34.99) < 1e-9);
    assert.ok(maxLon - 44 > 0.0122 && maxLon - 44 < 0.0123 && Math.abs(minLon + maxLon - 88) < 1e-12);
  });
});
