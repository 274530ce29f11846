import assert from 'node:assert/strict';
import { test } from 'node:test';
import { incidentSchema } from '../core/model/incident.ts';
import { IncidentTally, isoWeekOf, weekStartOf, weeksBetween } from './stats.tally.ts';

test('ISO weeks: year boundaries follow the Thursday rule', () => {
  const week = (iso: string) => isoWeekOf(Date.parse(iso));
  assert.deepEqual(week('2021-01-03T23:59:00Z'), { week: '2020-W53', start: '2020-12-28' });
  assert.deepEqual(week('2021-01-04T00:00:00Z'), { week: '2021-W01', start: '2021-01-04' });
  assert.deepEqual(week('2021-12-02T20:30:00Z'), { week: '2021-W48', start: '2021-11-29' });
  assert.deepEqual(week('2024-12-30T00:00:00Z'), { week: '2025-W01', start: '2024-12-30' });
  assert.equal(weekStartOf('2020-W53'), '2020-12-28');
  assert.equal(weekStartOf('2025-W01'), '2024-12-30');
  assert.deepEqual(weeksBetween(Date.parse('2021-11-15T00:00:00Z'), Date.parse('2021-12-05T23:00:00Z')).map((w) => w.week), ['2021-W46', '2021-W47', '2021-W48']);
});

test('the tally sums casualties by category and clamps spans to the window', () => {
  const inc = (over: Record<string, unknown>) => incidentSchema.parse({ title: 't', occurredAt: '2021-12-01T00:00:00Z', location: { type: 'Point', coordinates: [44, 35] }, ...over });
  const t = new IncidentTally({ sinceMs: Date.parse('2021-11-29T00:00:00Z'), untilMs: Date.parse('2021-12-12T00:00:00Z') });
  t.add(inc({ killed: { civilian: 1, other: 2 }, wounded: { federal: 3 }, placeId: 'local:a' }));
  t.add(inc({ occurredAt: '2021-11-20T00:00:00Z', occurredUntil: '2021-11-30T00:00:00Z', adminPcode: 'IQG13Q01' }));
  assert.deepEqual(t.total.killed, { civilian: 1, peshmerga: 0, federal: 0, other: 2, total: 3 });
  assert.deepEqual(t.total.wounded, { civilian: 0, peshmerga: 0, federal: 3, other: 0, total: 3 });
  assert.deepEqual(t.weeks().map((w) => [w.week, w.incidents]), [['2021-W48', 2], ['2021-W49', 0]]);
  assert.deepEqual(t.topPlaces(5).byIncidents.map((p) => p.key), ['local:a', 'pcode:IQG13Q01']);
  assert.deepEqual(t.topPlaces(5).byCasualties.map((p) => p.key), ['local:a']);
});
