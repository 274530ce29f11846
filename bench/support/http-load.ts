import http from 'node:http';

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/**
 * Closed-loop load: `concurrency` workers each send one request, wait for the answer, send the
 * next, until `seconds` have passed. Keep-alive sockets, as a browser or a gateway would use.
 */
export async function runLoad(opts: {
  port: number;
  seconds: number;
  concurrency: number;
  request: (i: number) => { method: string; path: string; body?: string; headers?: Record<string, string> };
  okStatus: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let n = 0;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const r = opts.request(n++);
      const t0 = performance.now();
      const status = await send(agent, opts.port, r);
      latencies.push(performance.now() - t0);
      if (status === opts.okStatus) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { ok, failed, seconds, perSecond: ok / seconds, latenciesMs: latencies };
}

function send(agent: http.Agent, port: number, r: { method: string; path: string; body?: string; headers?: Record<string, string> }): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, agent, headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}
