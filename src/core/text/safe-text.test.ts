import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeText } from './safe-text.ts';

const messagesOf = (schema: ReturnType<typeof safeText>, input: unknown): string[] => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

const line = safeText(100);
const note = safeText(1000, { multiline: true });
const BIDI = 'contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which can disguise text';
const MARKUP = 'must be plain text, not HTML markup';

describe('safeText: bidirectional controls', () => {
  it('rejects every embedding, override and isolate control', () => {
    for (let cp = 0x202a; cp <= 0x202e; cp++) assert.deepEqual(messagesOf(line, `a${String.fromCodePoint(cp)}b`), [BIDI]);
    for (let cp = 0x2066; cp <= 0x2069; cp++) assert.deepEqual(messagesOf(line, `a${String.fromCodePoint(cp)}b`), [BIDI]);
  });

  it('rejects the Trojan Source reordering trick in notes too', () => {
    assert.deepEqual(messagesOf(note, 'access = "user\u202E \u2066// admin\u2069 \u2066"'), [BIDI]);
  });

  it('allows LRM, RLM and ALM, which Arabic and Kurdish text needs', () => {
    const text = 'الحادث رقم \u200E42-B\u200E في كركوك \u200Fو\u061C ١٢';
    assert.equal(line.parse(text), text);
  });
});

describe('safeText: control characters', () => {
  it('rejects newlines, tabs and other C0/C1 controls in single-line text', () => {
    for (const bad of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\u007Fb', 'a\u0085b', 'a\u009Fb']) {
      assert.deepEqual(messagesOf(line, bad), ['must be a single line without control characters'], JSON.stringify(bad));
    }
  });

  it('allows line breaks and tabs in multiline text but no other controls', () => {
    assert.equal(note.parse('line one\r\nline two\n\tindented'), 'line one\r\nline two\n\tindented');
    for (const bad of ['a\u0000b', 'a\u0008b', 'a\u000Bb', 'a\u000Cb', 'a\u001Fb', 'a\u007Fb', 'a\u0080b']) {
      assert.deepEqual(messagesOf(note, bad), ['contains control characters (only line breaks and tabs are allowed)'], JSON.stringify(bad));
    }
  });

  it('trims surrounding line breaks even in single-line text', () => {
    assert.equal(line.parse('\n  Kirkuk \t\n'), 'Kirkuk');
  });
});

describe('safeText: broken Unicode', () => {
  it('rejects U+FFFD replacement characters', () => {
    assert.deepEqual(messagesOf(line, 'Kirkuk \uFFFD\uFFFD'), ['contains U+FFFD replacement characters: the text was decoded with the wrong encoding']);
  });

  it('rejects lone high and low surrogates but accepts pairs', () => {
    const lone = ['a\uD83Db', 'a\uDE00b', 'end\uD83D', '\uDE00start', '\uDE00\uD83D'];
    for (const bad of lone) assert.deepEqual(messagesOf(line, bad), ['contains broken Unicode (a lone surrogate)'], JSON.stringify(bad));
    assert.equal(line.parse('ok \uD83D\uDE00 𝔸'), 'ok 😀 𝔸');
  });
});

describe('safeText: markup', () => {
  it('rejects tags, end tags, comments and declarations', () => {
    for (const bad of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'bold</b>', 'x <!-- hidden -->', '<?xml version="1.0"?>', '<!DOCTYPE html>', '<svg/onload=alert(1)>', 'text <a href="javascript:x">', 'قبل <ب']) {
      assert.deepEqual(messagesOf(line, bad), [MARKUP], bad);
    }
  });

  it('accepts a plain less-than sign', () => {
    for (const ok of ['x < 5', 'a<5', 'casualties <10 reported', '<', '<>', '< b', '5 <= 6', 'a << 2', 'a < b > c']) {
      assert.equal(line.parse(ok), ok);
    }
  });
});

describe('safeText: length and trimming', () => {
  it('trims before measuring', () => {
    const short = safeText(5, { min: 2 });
    assert.equal(short.parse('   abcde   '), 'abcde');
    assert.deepEqual(messagesOf(short, 'abcdef'), ['must be at most 5 characters']);
    assert.deepEqual(messagesOf(short, '  a  '), ['must be at least 2 characters']);
  });

  it('allows empty text by default and names emptiness when min is 1', () => {
    assert.equal(line.parse('   '), '');
    assert.deepEqual(messagesOf(safeText(10, { min: 1 }), '  \t '), ['must not be empty']);
  });

  it('counts characters as code points, so an emoji is one', () => {
    assert.equal(safeText(1).parse('😀'), '😀');
    assert.deepEqual(messagesOf(safeText(1), '😀😀'), ['must be at most 1 characters']);
    assert.deepEqual(messagesOf(safeText(3), 'كركوك'), ['must be at most 3 characters']);
  });

  it('stops at the length limit without scanning further', () => {
    assert.deepEqual(messagesOf(safeText(3), '<script>\u202E'), ['must be at most 3 characters']);
  });

  it('rejects non-strings with a type error', () => {
    assert.equal(line.safeParse(42).success, false);
    assert.equal(line.safeParse(null).success, false);
  });
});

describe('safeText: SQL-looking text', () => {
  it('accepts it: queries are parameterised, so it is only text', () => {
    for (const ok of ["'; DROP TABLE incidents; --", 'Robert\'); DROP TABLE users;--', '1 OR 1=1', "O'Brien & Sons \"quoted\""]) {
      assert.equal(line.parse(ok), ok);
    }
  });

  it('accepts ordinary Arabic, Kurdish and English text with punctuation', () => {
    const text = 'هجوم على قرية خضر جيجة، قرب جبل قرەچوغ؛ ٣٥+ قتيل وجريح؟ Attack (ISIS) — 4 in 2 weeks.';
    assert.equal(line.parse(text), text);
  });
});
