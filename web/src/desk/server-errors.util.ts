import type { ApiFailure } from '../app/contracts.ts';
import type { FieldErrors, FormField } from './incident-form.state.ts';

/** First segment of a server field path (`location.coordinates.0`, `actors.2.name`) → the form field showing it. */
const FIELD_OF_PATH: Record<string, FormField> = {
  title: 'title', description: 'description', occurredAt: 'occurredAt', occurredUntil: 'occurredAt', timePrecision: 'occurredAt',
  location: 'location', locationPrecision: 'location', placeId: 'location', placeName: 'location', adminPcode: 'location',
  killed: 'killed', wounded: 'wounded', actors: 'actors', sources: 'sources', acledEventType: 'acled', acledSubEventType: 'acled',
  scope: 'scope', tlp: 'tlp', verification: 'verification',
};

/**
 * The server's messages (`src/core/text/safe-text.ts`, `src/core/geo/geometry.ts`, the incident
 * schema) carry no per-field code, so the known ones are recognised by their wording and shown in
 * the user's language; anything else is shown as the server wrote it.
 */
const KNOWN_MESSAGES: [RegExp, string][] = [
  [/must not be empty|required|expected string, received undefined/i, 'errors.required'],
  [/must be at most \d+ characters/, 'errors.tooLong'],
  [/look swapped/, 'errors.coordSwapped'],
  [/outside the service area|outside \[-/, 'errors.coordOutside'],
  [/bidirectional control/, 'errors.bidi'],
  [/control characters/, 'errors.control'],
  [/HTML markup/, 'errors.markup'],
  [/must not be before/, 'errors.beforeStart'],
  [/needs its event type/, 'errors.subtypeNeedsType'],
  [/must be one of/, 'errors.subtypeMismatch'],
  [/TLP:RED/, 'errors.redNotShared'],
  [/draft/, 'errors.draftNotShared'],
  [/no JCC/, 'errors.pickJcc'],
  [/Invalid URL|url/i, 'errors.url'],
  [/too (big|small)|Too (big|small)|expected int/i, 'errors.count'],
];

export function messageKey(message: string): string | undefined {
  return KNOWN_MESSAGES.find(([re]) => re.test(message))?.[1];
}

/** A VALIDATION failure's field messages, placed next to the form fields they concern. */
export function fieldErrorsFrom(failure: ApiFailure): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(failure.fields ?? {})) {
    const field = FIELD_OF_PATH[path.split('.')[0] ?? ''] ?? 'form';
    if (errors[field]) continue;
    const key = messageKey(message);
    errors[field] = key ? { key } : { text: `${path}: ${message}` };
  }
  if (Object.keys(errors).length === 0) errors.form = failureError(failure);
  return errors;
}

/** Failures without fields, by their stable code. */
export function failureError(failure: ApiFailure): { key: string } | { text: string } {
  const byCode: Record<string, string> = {
    NETWORK: 'errors.network', UNAUTHENTICATED: 'errors.signedOut', FORBIDDEN: 'errors.forbidden', NOT_FOUND: 'errors.notFound',
    CONFLICT: 'errors.conflict', RATE_LIMITED: 'errors.rateLimited', UNAVAILABLE: 'errors.unavailable', INTERNAL: 'errors.internal',
  };
  const key = byCode[failure.code];
  return key ? { key } : { text: failure.message };
}
