import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDateTime, formatNumber } from './format.ts';

describe('locale formatting', () => {
  it('writes numbers with the digits of each language', () => {
    assert.equal(formatNumber('en', 17000), '17,000');
    assert.match(formatNumber('ar', 17000), /^[٠-٩٬]+$/);
    assert.ok(formatNumber('ckb', 35).length > 0);
  });
  it('formats dates in Baghdad time and survives a bad date', () => {
    assert.match(formatDateTime('en', '2021-12-02T20:30:00Z'), /2 Dec 2021/);
    assert.match(formatDateTime('en', '2021-12-02T20:30:00Z'), /23:30/);
    assert.equal(formatDateTime('ar', 'not a date'), '—');
  });
});
