import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ACLED_TYPES, ACTOR_SIDES, CASUALTY_CATEGORIES, LOCATION_PRECISION, TIME_PRECISION, VERIFICATION, acledKey } from './incident.model.ts';

/** Every key the desk, dashboard and SITREP views ask for exists, so no raw key reaches the screen. */
const web = join(import.meta.dirname, '..');
type Tree = { [k: string]: string | Tree };
const has = (ns: string, key: string): boolean => {
  let node: string | Tree | undefined = JSON.parse(readFileSync(join(web, 'i18n/locales/en', `${ns}.json`), 'utf8')) as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
};

function literalKeys(folder: string): { ns: string; key: string; file: string }[] {
  return readdirSync(join(web, folder))
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
    .flatMap((file) => {
      const text = readFileSync(join(web, folder, file), 'utf8');
      const ns = /useTranslation\('(\w+)'\)/.exec(text)?.[1] ?? folder;
      const calls = [...text.matchAll(/\bt\('([\w.:+]+)'/g)].map((m) => m[1] ?? '');
      const errorKeys = [...text.matchAll(/'(errors\.\w+)'/g)].map((m) => m[1] ?? '');
      return [...calls, ...errorKeys].map((k) => (k.includes(':') ? { ns: k.split(':')[0] ?? '', key: k.split(':')[1] ?? '', file } : { ns: k.startsWith('errors.') ? 'desk' : ns, key: k, file }));
    });
}

describe('i18n keys of the desk, dashboard and SITREP views', () => {
  for (const folder of ['desk', 'dashboard', 'sitrep']) {
    it(`${folder}: every literal key exists`, () => {
      const missing = literalKeys(folder).filter((k) => !has(k.ns, k.key)).map((k) => `${k.file}: ${k.ns}:${k.key}`);
      assert.deepEqual(missing, []);
    });
  }

  it('desk: every key built from the incident vocabulary exists', () => {
    const keys = [
      ...[...Object.keys(ACLED_TYPES), ...Object.values(ACLED_TYPES).flat()].map((n) => `acled.${acledKey(n)}`),
      ...CASUALTY_CATEGORIES.map((c) => `category.${c}`), ...VERIFICATION.map((v) => `verification.${v}`), ...VERIFICATION.map((v) => `action.${v}`).filter((k) => k !== 'action.draft'),
      ...TIME_PRECISION.map((p) => `precision.${p}`), ...LOCATION_PRECISION.map((p) => `locationPrecision.${p}`), ...ACTOR_SIDES.map((s) => `side.${s}`),
      ...['own', 'jcc', 'bilateral'].flatMap((s) => [`scope.${s}`, `scopeNow.${s}`]), 'party.peshmerga', 'party.federal',
      ...['title', 'description', 'occurredAt', 'timePrecision', 'location', 'locationPrecision', 'placeId', 'placeName', 'killed', 'wounded', 'actors', 'acledEventType', 'acledSubEventType', 'sources', 'verification'].map((f) => `fieldName.${f}`),
    ];
    assert.deepEqual(keys.filter((k) => !has('desk', k)), []);
  });
});
