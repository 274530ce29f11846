/**
 * The few typed errors of Tansiq. Each has a stable code; HTTP status and CLI exit code are
 * decided here and nowhere else, so every entry point answers the same failure the same way.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, exit: 2 },
  UNAUTHENTICATED: { status: 401, exit: 3 },
  FORBIDDEN: { status: 403, exit: 3 },
  // Also used for records the caller may not read: "not found" and "not allowed" look the same.
  NOT_FOUND: { status: 404, exit: 4 },
  CONFLICT: { status: 409, exit: 5 },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, exit: 2 },
  RATE_LIMITED: { status: 429, exit: 6 },
  INTEGRITY: { status: 500, exit: 7 },
  INTERNAL: { status: 500, exit: 1 },
  UNAVAILABLE: { status: 503, exit: 8 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `location.coordinates.0`. */
  path: string;
  message: string;
}

export class TansiqError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, opts: { fields?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'TansiqError';
    this.code = code;
    this.fields = opts.fields ?? [];
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  toJSON(): { error: { code: ErrorCode; message: string; fields?: FieldIssue[]; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields.length ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export const validationError = (message: string, fields: FieldIssue[] = []): TansiqError =>
  new TansiqError('VALIDATION', message, { fields });

export const notFound = (what = 'record'): TansiqError => new TansiqError('NOT_FOUND', `${what} not found`);

export const forbidden = (message = 'not allowed'): TansiqError => new TansiqError('FORBIDDEN', message);

export const conflict = (message: string, details?: Record<string, unknown>): TansiqError =>
  new TansiqError('CONFLICT', message, details ? { details } : {});

export const isTansiqError = (e: unknown): e is TansiqError => e instanceof TansiqError;
