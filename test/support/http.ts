import type { FastifyInstance, InjectOptions } from 'fastify';

export interface Reply {
  status: number;
  /** The raw body, for byte-for-byte comparisons. */
  text: string;
  // Replies are inspected field by field in tests; a precise type per endpoint would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  headers: Record<string, string | string[] | number | undefined>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Client {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(url: string, headers?: Record<string, string>): Promise<Reply>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  del(url: string, headers?: Record<string, string>): Promise<Reply>;
}

export async function send(app: FastifyInstance, opts: InjectOptions): Promise<Reply> {
  const r = await app.inject(opts);
  let json: unknown;
  try {
    json = r.body ? JSON.parse(r.body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.statusCode, text: r.body, json, headers: r.headers };
}

/** Requests as one caller: `auth` is a Cookie header value, `{ bearer }` an API token, or nobody. */
export function client(app: FastifyInstance, auth?: string | { bearer: string }): Client {
  const authHeaders: Record<string, string> = typeof auth === 'string' ? { cookie: auth } : auth ? { authorization: `Bearer ${auth.bearer}` } : {};
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
    send(app, { method, url, headers: { ...authHeaders, ...headers }, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
  return {
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    put: (url, body, headers) => request('PUT', url, body, headers),
    patch: (url, body, headers) => request('PATCH', url, body, headers),
    del: (url, headers) => request('DELETE', url, undefined, headers),
  };
}
