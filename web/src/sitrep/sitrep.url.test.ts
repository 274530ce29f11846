import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baghdadToday, sitrepUrl, untilOf } from './sitrep.url.ts';

const NOW = new Date('2026-11-23T22:30:00Z');

describe('SITREP request', () => {
  it('reads today on the Baghdad calendar', () => {
    assert.equal(baghdadToday(NOW), '2026-11-24');
    assert.equal(baghdadToday(new Date('2026-11-23T20:59:00Z')), '2026-11-23');
  });

  it('ends a past day at its last second in Baghdad time, and today (or later, or nonsense) at now', () => {
    assert.equal(untilOf('2021-12-31', NOW), '2021-12-31T20:59:59.000Z');
    assert.equal(untilOf('2026-11-24', NOW), undefined);
    assert.equal(untilOf('2030-01-01', NOW), undefined);
    assert.equal(untilOf('', NOW), undefined);
    assert.equal(untilOf('2021-02-31x', NOW), undefined);
  });

  it('builds the HTML and PDF addresses, leaving out an empty JCC', () => {
    const choice = { jccId: '', hours: 168 as const, endDate: '2021-12-31', lang: 'ar' as const };
    assert.equal(sitrepUrl(choice, 'html', NOW), '/api/sitrep?lang=ar&hours=168&until=2021-12-31T20%3A59%3A59.000Z&format=html');
    assert.equal(sitrepUrl({ ...choice, jccId: 'j-1', hours: 24, endDate: '' }, 'pdf', NOW), '/api/sitrep?jcc=j-1&lang=ar&hours=24&format=pdf');
  });
});
