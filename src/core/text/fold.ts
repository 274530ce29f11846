/**
 * Search folding for Arabic, Kurdish (Sorani) and Latin names (DESIGN §8). The same place is written
 * with Arabic or Persian-style letters, with or without diacritics, in two digit sets and with
 * invisible joiners; folding both the stored text and the query makes these spellings meet.
 */

// Letters that users type interchangeably. Kurdish letters with their own sound (گ ڤ چ پ ژ) are
// deliberately absent: merging them with Arabic letters would make different names match.
// Hamza and madda forms (أ إ آ ؤ ئ ۀ) are not listed: NFD splits them into a base letter and a
// combining mark, and the mark is stripped with the other diacritics.
const LETTER_FOLDS: Record<string, string> = {
  'ی': 'ي', 'ى': 'ي', 'ې': 'ي', 'ێ': 'ي',
  'ک': 'ك', 'ڪ': 'ك',
  'ھ': 'ه', 'ە': 'ه', 'ة': 'ه', 'ہ': 'ه',
  'ٱ': 'ا',
  'ۆ': 'و', 'ۇ': 'و', 'ۊ': 'و',
  'ڕ': 'ر',
  'ڵ': 'ل',
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

// \p{M} covers Latin accents and the Arabic harakat U+064B–U+065F and U+0670 once NFD has split
// them off their letters. Tatweel and the Quranic signs in U+06D6–U+06ED that are not marks
// (U+06DD, U+06DE, U+06E5, U+06E6, U+06E9) are listed.
const MARKS_RE = /[\p{M}\u0640\u06DD\u06DE\u06E5\u06E6\u06E9]/gu;

// Transliteration apostrophes for ʿayn and hamza ('Ala, ‘Alā, ʾAbbas) are part of a word, not
// separators, so they vanish instead of splitting it.
const APOSTROPHES_RE = /['`ʿʾʼ‘’]/gu;

// Zero-width joiners and direction marks change how text renders, never what it says.
const INVISIBLE_RE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

// Sorani writes the short vowel e as ە inside words, where Arabic leaves it unwritten (حەویجە =
// الحويجة): dropped there like a haraka. At a word's end it stands where Arabic writes ة or ه.
const KURDISH_MEDIAL_E_RE = /\u06D5(?=\p{L})/gu;

const DIGITS_RE = /[\u0660-\u0669\u06F0-\u06F9]/gu;

const SEPARATORS_RE = /[\s\p{P}\p{S}\p{Z}\p{Cc}]+/gu;

const foldDigit = (d: string): string => {
  const cp = d.codePointAt(0) ?? 0;
  return String(cp - (cp >= 0x06F0 ? 0x06F0 : 0x0660));
};

export function foldText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(APOSTROPHES_RE, '')
    .replace(MARKS_RE, '')
    .replace(INVISIBLE_RE, '')
    .replace(KURDISH_MEDIAL_E_RE, '')
    .replace(LETTER_RE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(DIGITS_RE, foldDigit)
    .replace(SEPARATORS_RE, ' ')
    .trim()
    .normalize('NFC');
}

export function foldTokens(s: string): string[] {
  return foldText(s).split(' ').filter(Boolean);
}

/** Every query token must occur somewhere in the haystack; an empty query matches everything. */
export function matchesFolded(haystackFolded: string, queryFolded: string): boolean {
  return queryFolded.split(' ').every((token) => haystackFolded.includes(token));
}
