import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS, domainOf, fromDays, inWindow, toDays } from './time-window.ts';

const t = (iso: string) => Date.parse(iso);

describe('incident time window', () => {
  const domain = domainOf([t('2021-07-05T10:00Z'), t('2021-12-31T23:00Z'), NaN, t('2021-12-02T20:00Z')]);
  it('spans whole days of the incidents and ignores bad times', () => {
    assert.ok(domain);
    assert.equal(domain.from, t('2021-07-05T00:00Z'));
    assert.equal(domain.to, t('2022-01-01T00:00Z') - 1);
    assert.equal(domainOf([]), null);
  });
  it('round-trips slider positions, ordered and clamped', () => {
    assert.ok(domain);
    const w = fromDays(domain, 200, 150);
    assert.deepEqual(toDays(domain, w), [150, 179]);
    assert.equal(w.to - w.from, 29 * DAY_MS + DAY_MS - 1);
  });
  it('filters inclusively; no window lets everything through', () => {
    assert.ok(domain);
    assert.ok(inWindow(domain, t('2021-12-31T23:59:59Z')));
    assert.ok(!inWindow(fromDays(domain, 0, 0), t('2021-07-06T00:00Z')));
    assert.ok(inWindow(null, 0));
  });
});
