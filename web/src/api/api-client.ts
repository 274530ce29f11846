import type { ApiClient, ApiFailure } from '../app/contracts.ts';

/** A failed API call; `failure` is what the server said (or `NETWORK` when it could not be reached). */
export class ApiError extends Error {
  readonly failure: ApiFailure;
  constructor(failure: ApiFailure) {
    super(failure.message);
    this.name = 'ApiError';
    this.failure = failure;
  }
}

type Query = Record<string, string | number | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
}

/** The server's `{error:{code,message,fields}}` as an ApiFailure; fields become `path → message`. */
export function toFailure(status: number, body: unknown): ApiFailure {
  const err = (body as ErrorBody | null)?.error;
  const fields = err?.fields ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : undefined;
  return { status, code: err?.code ?? `HTTP_${status}`, message: err?.message ?? `HTTP ${status}`, ...(fields ? { fields } : {}) };
}

async function call<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    if (res.ok) throw new ApiError({ status: res.status, code: 'BAD_RESPONSE', message: 'the server sent something that is not JSON' });
  }
  if (!res.ok) throw new ApiError(toFailure(res.status, parsed));
  return parsed as T;
}

/** Same-origin JSON client; the session cookie rides along and the browser adds the Origin header. */
export const httpApi: ApiClient = {
  get: (path, query) => call('GET', path, undefined, query),
  post: (path, body) => call('POST', path, body ?? {}),
  patch: (path, body) => call('PATCH', path, body),
  del: (path) => call('DELETE', path),
};
