import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json.ts';

const fromBits = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};

describe('canonicalJson: RFC 8785 examples', () => {
  it('serialises the §3.2.2 example', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    assert.equal(canonicalJson(JSON.parse(input)), expected);
  });

  it('sorts keys by UTF-16 code units (§3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Code unit order, not code point order: U+1F600 (surrogates D83D DE00) sorts before U+FB33.
    assert.equal(
      canonicalJson(input),
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('formats numbers as in Appendix B', () => {
    const cases: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555557', '333333333.33333343'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of cases) assert.equal(canonicalJson(fromBits(bits)), text, bits);
  });
});

describe('canonicalJson: structure', () => {
  it('writes no whitespace and sorts nested objects, keeping array order', () => {
    const value = { b: [3, { z: 1, a: [[], [{}], [null, 'x']] }, 1], a: { d: true, c: false } };
    assert.equal(canonicalJson(value), '{"a":{"c":false,"d":true},"b":[3,{"a":[[],[{}],[null,"x"]],"z":1},1]}');
  });

  it('writes -0 as 0', () => {
    assert.equal(canonicalJson(-0), '0');
    assert.equal(canonicalJson({ x: [-0, 0] }), '{"x":[0,0]}');
  });

  it('omits undefined members and keeps nulls', () => {
    assert.equal(canonicalJson({ a: undefined, b: null, c: 1 }), '{"b":null,"c":1}');
  });

  it('escapes strings as JSON.stringify does', () => {
    assert.equal(canonicalJson('خضر "جيجة"\n\t\u0001\u2028'), JSON.stringify('خضر "جيجة"\n\t\u0001\u2028'));
    assert.equal(canonicalJson('😀'), '"😀"');
  });

  it('gives the same text whatever the key insertion order', () => {
    const a = { id: 'x', version: 2, data: { casualties: { killed: 1, wounded: 3 }, name: 'كركوك' } };
    const b = { data: { name: 'كركوك', casualties: { wounded: 3, killed: 1 } }, version: 2, id: 'x' };
    assert.equal(canonicalJson(a), canonicalJson(b));
  });

  it('uses toJSON, so dates become ISO strings', () => {
    assert.equal(canonicalJson({ at: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) }), '{"at":"2025-01-02T03:04:05.000Z"}');
  });

  it('accepts objects without a prototype and shared (acyclic) references', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    const shared = { k: 1 };
    assert.equal(canonicalJson({ bare, x: shared, y: [shared, shared] }), '{"bare":{"a":2,"b":1},"x":{"k":1},"y":[{"k":1},{"k":1}]}');
  });
});

describe('canonicalJson: refusals', () => {
  const refuses = (value: unknown, pattern: RegExp): void => {
    assert.throws(() => canonicalJson(value), (e: unknown) => e instanceof TypeError && pattern.test(e.message));
  };

  it('refuses non-finite numbers', () => {
    refuses(Number.NaN, /NaN at \$ is not a finite number/);
    refuses({ a: [1, Number.POSITIVE_INFINITY] }, /Infinity at \$\.a\[1\]/);
    refuses(Number.NEGATIVE_INFINITY, /-Infinity/);
  });

  it('refuses BigInt, functions, symbols and top-level undefined', () => {
    refuses(10n, /bigint at \$/);
    refuses({ f: () => 1 }, /function at \$\.f/);
    refuses({ s: Symbol('x') }, /symbol at \$\.s/);
    refuses(undefined, /undefined at \$/);
  });

  it('refuses undefined inside arrays rather than writing null', () => {
    refuses([1, undefined], /undefined at \$\[1\]/);
  });

  it('refuses cycles through objects and arrays', () => {
    const obj: Record<string, unknown> = { a: 1 };
    obj.self = obj;
    refuses(obj, /cycle at \$\.self/);
    const arr: unknown[] = [];
    arr.push({ back: arr });
    refuses(arr, /cycle at \$\[0\]\.back/);
  });

  it('refuses objects JSON would silently empty', () => {
    refuses(new Map([['a', 1]]), /Map at \$ is not a plain object/);
    refuses({ s: new Set([1]) }, /Set/);
    refuses(new (class Point { x = 1 })(), /Point/);
  });

  it('refuses lone surrogates in values and keys', () => {
    refuses('a\ud800', /lone surrogate/);
    refuses({ '\udc00': 1 }, /lone surrogate/);
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vectors', async () => {
    assert.equal(await sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes', async () => {
    const text = canonicalJson({ place: 'خضر جیجە', note: '€😀' });
    assert.equal(await sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
