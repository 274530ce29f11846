import type { z } from 'zod';
import { validationError, type FieldIssue, type TansiqError } from './errors.ts';

const MAX_ISSUES = 20;

/** Zod issues as field issues a person can act on: a dotted path and a message. */
export function fieldIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): FieldIssue[] {
  const at = (path: readonly PropertyKey[]): string => [...prefix, ...path.map((k) => (typeof k === 'symbol' ? k.toString() : k))].join('.') || '(body)';
  // One issue per unknown field, so each is named by its own path.
  return error.issues
    .flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ path: at([...i.path, k]), message: 'unknown field' })) : [{ path: at(i.path), message: i.message }]))
    .slice(0, MAX_ISSUES);
}

export function invalid(what: string, error: z.ZodError, prefix: readonly (string | number)[] = []): TansiqError {
  const fields = fieldIssues(error, prefix);
  const first = fields[0];
  return validationError(first ? `invalid ${what}: ${first.path}: ${first.message}` : `invalid ${what}`, fields);
}

/** Parses or throws a VALIDATION error naming every offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix: readonly (string | number)[] = []): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(what, r.error, prefix);
  return r.data;
}
