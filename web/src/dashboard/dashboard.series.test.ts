import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketRows, coverageRows, placeRows, staffingRows, weekPoints } from './dashboard.series.ts';
import type { Bucket, CheckpointStats, IncidentStats } from './stats.api.ts';

const t = (key: string, opts?: Record<string, unknown>): string => (opts ? `${key}${JSON.stringify(opts)}` : key);
const cat = (civilian: number, peshmerga = 0, federal = 0, other = 0) => ({ civilian, peshmerga, federal, other, total: civilian + peshmerga + federal + other });
const bucket = (incidents: number, k: number, w: number): Bucket => ({ incidents, killed: cat(k), wounded: cat(0, w) });

const stats: IncidentStats = {
  since: '', until: '', tlp: 'amber', totals: bucket(3, 2, 5),
  byWeek: [{ week: '2021-W48', weekStart: '2021-11-29', ...bucket(2, 2, 1) }, { week: '2021-W49', weekStart: '2021-12-06', ...bucket(1, 0, 4) }],
  byJcc: [], byDistrict: [], byEventType: [],
  topPlaces: { byIncidents: [], byCasualties: [{ key: 'wof:1', name: 'خضر جيجة', ...bucket(1, 2, 5) }, { key: 'wof:2', name: null, ...bucket(1, 0, 0) }] },
};

describe('dashboard series', () => {
  it('turns weeks into stacked casualty columns by category with the incident count as the line', () => {
    const points = weekPoints(stats, 'en');
    assert.deepEqual(points.map((p) => [p.key, p.values, p.line]), [['2021-W48', [2, 1, 0, 0], 2], ['2021-W49', [0, 4, 0, 0], 1]]);
    assert.match(points[0]?.label ?? '', /29 Nov 2021/);
    assert.match(weekPoints(stats, 'ar')[0]?.label ?? '', /[٠-٩]/);
  });

  it('ranks buckets with a note of incidents and casualties, unknown names translated, at most the limit', () => {
    const rows = bucketRows([{ key: 'a', name: 'Kirkuk', ...bucket(4, 1, 2) }, { key: 'b', name: null, ...bucket(1, 0, 0) }, { key: 'c', name: 'x', ...bucket(1, 0, 0) }], t, 'en', 2);
    assert.deepEqual(rows, [
      { key: 'a', label: 'Kirkuk', values: [4], note: 'note.incidents{"incidents":"4","casualties":"3"}' },
      { key: 'b', label: 'unknown', values: [1], note: 'note.incidents{"incidents":"1","casualties":"0"}' },
    ]);
  });

  it('lists the most affected places with casualties only', () => {
    assert.deepEqual(placeRows(stats, t), [{ key: 'wof:1', label: 'خضر جيجة', values: [2, 5, 0, 0] }]);
  });

  it('puts unmanned and short checkpoints first, present against missing', () => {
    const cps: CheckpointStats = {
      tlp: 'green', totals: { full: 1, short: 1, unmanned: 0, total: 2 },
      checkpoints: [
        { id: '1', name: 'Altun Kupri', kind: 'joint', status: 'open', staffing: 'full', planned: 44, present: 44, jccId: null },
        { id: '2', name: 'Fayda', kind: 'joint', status: 'open', staffing: 'short', planned: 40, present: 31, jccId: null },
      ],
    };
    assert.deepEqual(staffingRows(cps, t, 'en').map((r) => [r.label, r.values, r.note]), [
      ['Fayda', [31, 9], '31 / 40 · staffing.short'],
      ['Altun Kupri', [44, 0], '44 / 44 · staffing.full'],
    ]);
  });

  it('splits each JCC area into none, one force, both, with the gap share', () => {
    const rows = coverageRows([{ jccId: 'j', asOf: '', areas: { regionKm2: 1000, noneKm2: 250.4, peshmergaOnlyKm2: 300, federalOnlyKm2: 200, bothKm2: 249.6 } }], () => 'Kirkuk JCC', t, 'en');
    assert.deepEqual(rows, [{ key: 'j', label: 'Kirkuk JCC', values: [250.4, 300, 200, 249.6], note: 'note.gap{"km2":"250","share":"25"}' }]);
  });
});
