import { TansiqError } from '../../core/errors.ts';

// JSON.stringify writes U+0000 as \u0000; an even run of backslashes before it is literal text.
const ESCAPED_NUL_RE = /(?<!\\)(?:\\\\)*\\u0000/;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb and SQLite can: refusing it on both keeps the
 * backends equal, and turns a driver error deep in a transaction into a clear one up front.
 */
export function refuseNul(row: Record<string, unknown>, jsonColumns: readonly string[], what: string): void {
  for (const [column, value] of Object.entries(row)) {
    if (typeof value !== 'string') continue;
    if (value.includes('\0') || (jsonColumns.includes(column) && ESCAPED_NUL_RE.test(value))) {
      throw new TansiqError('VALIDATION', `${what}: ${column} contains a NUL character (U+0000), which cannot be stored`);
    }
  }
}
