import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strayLatin } from './latin.ts';

const dir = join(import.meta.dirname, 'locales');
const LANGS = ['ar', 'ckb', 'en'];
type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const load = (lang: string, ns: string): Map<string, string> => flatten(JSON.parse(readFileSync(join(dir, lang, `${ns}.json`), 'utf8')) as Tree);
const namespaces = [...new Set(LANGS.flatMap((l) => readdirSync(join(dir, l)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))))].sort();

describe('translations', () => {
  it('has every namespace in all three languages', () => {
    for (const lang of LANGS) for (const ns of namespaces) assert.doesNotThrow(() => load(lang, ns), `${lang}/${ns}.json`);
  });

  for (const ns of namespaces) {
    it(`${ns}: the same keys in ar, ckb and en`, () => {
      const en = [...load('en', ns).keys()].sort();
      for (const lang of ['ar', 'ckb']) assert.deepEqual([...load(lang, ns).keys()].sort(), en, `${lang}/${ns}.json keys differ from en`);
    });

    it(`${ns}: no English left in Arabic or Sorani, no empty strings`, () => {
      for (const lang of ['ar', 'ckb']) {
        for (const [key, value] of load(lang, ns)) {
          assert.notEqual(value.trim(), '', `${lang}/${ns}: ${key} is empty`);
          assert.deepEqual(strayLatin(value), [], `${lang}/${ns}: ${key} = "${value}"`);
        }
      }
    });
  }

  it('Sorani is not Arabic copied over: it uses Kurdish letters', () => {
    const ckb = [...load('ckb', 'common').values()].join(' ');
    assert.match(ckb, /[ەێۆڕڵڤپچژگ]/);
  });
});
