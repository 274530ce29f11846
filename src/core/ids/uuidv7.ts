/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 12-bit rand_a, variant 10, 62 random
 * bits. rand_a is used as a counter (RFC 9562 §6.2, method 1) so ids made in one process sort in
 * creation order even within one millisecond, which keeps B-tree inserts appending and gives
 * feeds a stable order.
 */
import { validationError } from '../errors.ts';

const MAX_MS = 2 ** 48 - 1;
const COUNTER_MAX = 0xfff;
const UUIDV7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');

const randomBytes = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

// The seed keeps the counter's top bit clear, so at least 2,048 ids fit in each millisecond before
// the clock has to be borrowed from.
const counterSeed = (): number => {
  const [a = 0, b = 0] = randomBytes(2);
  return ((a << 8) | b) & 0x7ff;
};

export type Uuidv7Generator = (nowMs?: number) => string;

/** A generator with its own ordering state; `uuidv7` below is the process-wide one. */
export function uuidv7Generator(): Uuidv7Generator {
  let lastMs = -1;
  let counter = 0;
  return (nowMs = Date.now()) => {
    const ms = Math.floor(nowMs);
    if (!(ms >= 0 && ms <= MAX_MS)) throw new RangeError(`uuidv7: time ${nowMs} is outside 0..2^48-1 ms`);
    if (ms > lastMs) {
      lastMs = ms;
      counter = counterSeed();
    } else if (counter < COUNTER_MAX) {
      // Same millisecond, or the clock stepped back: stay on the last time and keep counting.
      counter++;
    } else {
      lastMs++;
      counter = counterSeed();
    }
    return format(lastMs, counter, randomBytes(8));
  };
}

function format(ms: number, counter: number, rand: Uint8Array): string {
  const tail = [...rand].map((b) => hex(b, 2)).join('');
  const variant = hex(0x8 | ((rand[0] ?? 0) >> 6), 1);
  const time = hex(ms, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${variant}${tail.slice(1, 4)}-${tail.slice(4, 16)}`;
}

export const uuidv7: Uuidv7Generator = uuidv7Generator();

/** The creation time (Unix ms) embedded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  if (!UUIDV7_RE.test(id)) throw validationError('not a lower-case UUIDv7', [{ path: 'id', message: 'must be a lower-case UUIDv7' }]);
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
