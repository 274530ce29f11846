import type { AddressInfo } from 'node:net';
import { TansiqError } from '../core/errors.ts';
import { HELP_OPTION } from './args.ts';
import type { Command } from './command.ts';
import { describeDatabase, SERVER_OPTIONS, serverConfig, STORE_OPTIONS, storeConfig, type ServerConfig, type StoreConfig } from './config.ts';
import { println, type CliIo } from './output.ts';
import { openRuntime, type Runtime } from './runtime.ts';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
// A close that hangs (a stuck client, a lost database) must not keep the process up for ever.
const FORCE_EXIT_MS = 10_000;

function urlHost(host: string): string {
  if (host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function listen(rt: Runtime, server: ServerConfig, io: CliIo): Promise<{ close: () => Promise<void> }> {
  // Loaded on use: the other commands and --help start faster without Fastify and its plugins.
  const { buildApp } = await import('../http/app.ts');
  const app = await buildApp(rt.services, { secureCookies: server.secureCookies, trustProxy: server.trustProxy });
  try {
    await app.listen({ port: server.port, host: server.host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new TansiqError('UNAVAILABLE', `port ${server.port} on ${server.host} is already in use (another Tansiq?): stop it or choose another with --port`);
    if (code === 'EACCES') throw new TansiqError('UNAVAILABLE', `not allowed to listen on port ${server.port}: ports below 1024 need privileges; choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new TansiqError('VALIDATION', `cannot listen on ${server.host}: no such address on this machine`);
    throw e;
  }
  const { port } = app.server.address() as AddressInfo;
  println(io.stdout, `Tansiq is listening on http://${urlHost(server.host)}:${port} (address ${server.host}, port ${port})`);
  if (server.host === '0.0.0.0' || server.host === '::') println(io.stdout, 'reachable from the network: put it behind HTTPS and use --secure-cookies');
  // After listening, on the engine's own thread: start-up is not held up, and the first real gap
  // analysis runs at full speed. A failure here only means a slower first analysis.
  rt.services.coverage.warmUp().catch((e: unknown) => println(io.stderr, `note: gap engine warm-up failed: ${e instanceof Error ? e.message : String(e)}`));
  return { close: () => app.close() };
}

function watchShutdownSignals(io: CliIo): { signal: Promise<string>; dispose: () => void } {
  let onSignal: (signal: string) => void = () => undefined;
  const dispose = (): void => {
    for (const s of SHUTDOWN_SIGNALS) process.removeListener(s, onSignal);
  };
  const signal = new Promise<string>((resolve) => {
    onSignal = (received) => {
      dispose();
      // A second Ctrl-C means "now": do not wait for slow clients.
      for (const s of SHUTDOWN_SIGNALS) {
        process.once(s, () => {
          println(io.stderr, 'stopping at once');
          process.exit(130);
        });
      }
      resolve(received);
    };
    for (const s of SHUTDOWN_SIGNALS) process.on(s, onSignal);
  });
  return { signal, dispose };
}

/**
 * Serves until SIGINT or SIGTERM, then stops taking requests, lets those under way finish, and
 * closes the database last so no acknowledged write is cut off.
 */
export async function serveUntilSignal(rt: Runtime, server: ServerConfig, store: StoreConfig, io: CliIo): Promise<number> {
  // Watch before listening: a signal during start-up must still close the database properly.
  const shutdown = watchShutdownSignals(io);
  let http: { close: () => Promise<void> };
  try {
    http = await listen(rt, server, io);
  } catch (e) {
    shutdown.dispose();
    await rt.store.close();
    throw e;
  }
  println(io.stdout, `site "${rt.site.name}" (${rt.site.party}); database: ${describeDatabase(store)}`);
  const signal = await shutdown.signal;
  println(io.stderr, `${signal}: shutting down`);
  setTimeout(() => {
    println(io.stderr, `shutdown took longer than ${FORCE_EXIT_MS / 1000}s: exiting`);
    process.exit(1);
  }, FORCE_EXIT_MS).unref();
  try {
    await http.close();
  } finally {
    await rt.store.close();
  }
  println(io.stderr, 'stopped');
  return 0;
}

export const serveCommands: Command[] = [
  {
    name: 'serve',
    summary: 'run the HTTP server',
    details: 'Migrates the database first. Stops cleanly on SIGINT (Ctrl-C) or SIGTERM.',
    options: { ...SERVER_OPTIONS, ...STORE_OPTIONS, ...HELP_OPTION },
    async run({ io, args }) {
      const store = storeConfig(args.values, io.env, io.cwd);
      const server = serverConfig(args.values, io.env);
      const rt = await openRuntime(store, io);
      return serveUntilSignal(rt, server, store, io);
    },
  },
];
