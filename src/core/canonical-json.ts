/**
 * JSON Canonicalization Scheme (RFC 8785). Hashes and signatures over records (federation outbox,
 * audit chain) must come out identical on every site and in every language, so anything JSON
 * cannot carry exactly is refused instead of being silently dropped or changed.
 */

const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  return serialise(value, '$', new Set());
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return number(value, path);
  if (typeof value === 'string') return string(value, path);
  if (typeof value !== 'object') throw new TypeError(`canonicalJson: ${typeof value} at ${path} has no JSON form`);
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  ancestors.add(value);
  try {
    return Array.isArray(value) ? array(value, path, ancestors) : object(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function number(n: number, path: string): string {
  if (!Number.isFinite(n)) throw new TypeError(`canonicalJson: ${n} at ${path} is not a finite number`);
  // ECMAScript number-to-string is exactly the RFC 8785 number form (and turns -0 into "0").
  return JSON.stringify(n);
}

function string(s: string, path: string): string {
  // I-JSON (which RFC 8785 requires) forbids lone surrogates; JSON.stringify would escape them
  // into text another implementation may decode differently.
  if (LONE_SURROGATE_RE.test(s)) throw new TypeError(`canonicalJson: lone surrogate in string at ${path}`);
  return JSON.stringify(s);
}

function array(items: unknown[], path: string, ancestors: Set<object>): string {
  const parts = items.map((item, i) => {
    // JSON.stringify would write null here; a hash must not quietly stand for a different value.
    if (item === undefined) throw new TypeError(`canonicalJson: undefined at ${path}[${i}]`);
    return serialise(item, `${path}[${i}]`, ancestors);
  });
  return `[${parts.join(',')}]`;
}

function object(obj: object, path: string, ancestors: Set<object>): string {
  if ('toJSON' in obj && typeof obj.toJSON === 'function') return serialise(obj.toJSON(), path, ancestors);
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: ${obj.constructor?.name ?? 'object'} at ${path} is not a plain object`);
  }
  const record = obj as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for.
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${string(key, path)}:${serialise(record[key], `${path}.${key}`, ancestors)}`);
  return `{${members.join(',')}}`;
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
