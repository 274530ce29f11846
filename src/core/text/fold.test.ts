import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, foldTokens, matchesFolded } from './fold.ts';

const matches = (haystack: string, query: string): boolean => matchesFolded(foldText(haystack), foldText(query));

describe('foldText', () => {
  it('makes Arabic and Kurdish spellings of Khidirjija equal', () => {
    assert.equal(foldText('خضر جيجة'), foldText('خضر جیجە'));
    assert.equal(foldText('خضر جیجە'), 'خضر جيجه');
    assert.ok(matches('قرية خضر جيجة', 'خضر جیجە'));
  });

  it('folds Kurdish ە and ی so حەویجە finds Arabic الحويجة', () => {
    // Medial ە is the written short vowel that Arabic leaves out; final ە stands for ة.
    assert.equal(foldText('حەویجە'), 'حويجه');
    assert.equal(foldText('الحويجة'), 'الحويجه');
    // The Arabic article is kept, so the match is by substring, not equality.
    assert.ok(matches('الحويجة', 'حەویجە'));
    assert.ok(!matches('حەویجە', 'الحويجة'));
    assert.equal(foldText('مەهدی'), foldText('مهدي'));
    assert.equal(foldText('کەرکوک'), 'كركوك');
    assert.equal(foldText('دە، ئەو'), 'ده يو');
  });

  it('folds kaf but not a doubled waw: كركوك and کرکووک stay different', () => {
    assert.equal(foldText('کرکووک'), 'كركووك');
    // Kurdish writes the long vowel as وو; collapsing it would also merge genuinely distinct
    // words, so the two spellings do not match and need an alias in the gazetteer.
    assert.notEqual(foldText('كركوك'), foldText('کرکووک'));
    assert.ok(!matches('كركوك', 'کرکووک'));
    assert.ok(!matches('کرکووک', 'كركوك'));
  });

  it('is case-insensitive for Latin names', () => {
    assert.equal(foldText('Qarachogh'), foldText('QARACHOGH'));
    assert.equal(foldText('QARACHOGH'), 'qarachogh');
  });

  it('strips Latin diacritics and transliteration apostrophes', () => {
    assert.equal(foldText('‘Alā al ‘Ulyā'), 'ala al ulya');
    assert.equal(foldText("ʿAbbās ʾIbrāhīm 'Ali `Umar ’Uday"), 'abbas ibrahim ali umar uday');
    assert.equal(foldText('Çağlayan Ñandú Ørsted Śląsk'), 'caglayan nandu ørsted slask');
  });

  it('folds Arabic-Indic and Extended digits', () => {
    assert.equal(foldText('١٢٣'), '123');
    assert.equal(foldText('۰۴۵۶۷۸۹'), '0456789');
    assert.equal(foldText('٠٩'), '09');
  });

  it('strips harakat, superscript alef, Quranic signs and tatweel', () => {
    assert.equal(foldText('مُحَمَّد'), 'محمد');
    assert.equal(foldText('رَحْمٰن'), 'رحمن');
    assert.equal(foldText('كـــركـوك'), 'كركوك');
    assert.equal(foldText('قلۖى'), 'قلي');
    assert.equal(foldText('سَلَامٌ'), 'سلام');
    assert.equal(foldText('ع\u06E5ل\u06DD\u06DE\u06E6\u06E9\u06ED'), 'عل');
  });

  it('folds yeh, kaf, heh and alef variants', () => {
    assert.equal(foldText('يیىېێ'), 'ييييي');
    assert.equal(foldText('كکڪ'), 'ككك');
    // Separate words: ە inside a word is a vowel and is dropped (see above).
    assert.equal(foldText('ه ھ ە ة ۀ ہ'), 'ه ه ه ه ه ه');
    assert.equal(foldText('أإآٱا'), 'ااااا');
    assert.equal(foldText('ؤۆۇۊو'), 'ووووو');
    assert.equal(foldText('ئ'), 'ي');
    assert.equal(foldText('ڕڵ'), 'رل');
  });

  it('keeps the distinct Kurdish and Persian letters گ ڤ چ پ ژ', () => {
    assert.equal(foldText('گڤچپژ'), 'گڤچپژ');
    assert.notEqual(foldText('گ'), foldText('ك'));
    assert.notEqual(foldText('ڤ'), foldText('ف'));
    assert.notEqual(foldText('پ'), foldText('ب'));
  });

  it('removes zero-width and direction characters without splitting words', () => {
    assert.equal(foldText('می\u200Cخواهم'), 'ميخواهم');
    assert.equal(foldText('a\u200Db\u200Ec\u200Fd\u061Ce'), 'abcde');
    assert.equal(foldText('\uFEFFkirkuk\u2067x\u2069'), 'kirkukx');
  });

  it('turns runs of whitespace and punctuation, Arabic included, into one space', () => {
    assert.equal(foldText('  كركوك،  الحويجة؛ داقوق؟ '), 'كركوك الحويجه داقوق');
    assert.equal(foldText('Al-Hawija,\t\nKirkuk...  (Iraq)'), 'al hawija kirkuk iraq');
    assert.equal(foldText('a\u00A0\u3000b'), 'a b');
    assert.equal(foldText('  ،؛؟ '), '');
  });

  it('normalises compatibility forms (NFKC)', () => {
    assert.equal(foldText('ﻛﺮﻛﻮﻙ'), 'كركوك');
    assert.equal(foldText('ＫＩＲＫＵＫ'), 'kirkuk');
    assert.equal(foldText('ﻻ'), 'لا');
  });

  it('is idempotent', () => {
    for (const s of ['خضر جیجە', '‘Alā al ‘Ulyā', 'مُحَمَّد ١٢٣', 'Al-Hawija', 'ﻛﺮﻛﻮﻙ', 'ۀ']) {
      assert.equal(foldText(foldText(s)), foldText(s));
    }
  });
});

describe('foldTokens', () => {
  it('splits folded text on spaces and drops empties', () => {
    assert.deepEqual(foldTokens('  Khidr ، جیجە  '), ['khidr', 'جيجه']);
    assert.deepEqual(foldTokens(' ، '), []);
  });
});

describe('matchesFolded', () => {
  it('requires every query token to occur in the haystack', () => {
    const hay = foldText('Khidirjija (خضر جيجة), Qarachogh foothills');
    assert.ok(matchesFolded(hay, foldText('khidir qara')));
    assert.ok(matchesFolded(hay, foldText('جیجە')));
    assert.ok(!matchesFolded(hay, foldText('khidir makhmour')));
  });

  it('matches tokens as substrings in any order', () => {
    assert.ok(matchesFolded('al hawija kirkuk', 'kirk hawi'));
    assert.ok(!matchesFolded('al hawija', 'hawijas'));
  });

  it('lets an empty query match everything', () => {
    assert.ok(matchesFolded('anything', ''));
    assert.ok(matchesFolded('', ''));
  });
});
