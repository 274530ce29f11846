/**
 * The server under test, in its own process so the load generator does not share its event loop.
 * Reads BENCH_DATA_DIR or BENCH_DATABASE_URL (+ BENCH_PG_SCHEMA), prints "READY <port>".
 */
import { buildApp } from '../../src/http/app.ts';
import { createServices } from '../../src/services/services.ts';
import { openStore } from '../../src/storage/open-store.ts';

const env = process.env;
const store = await openStore({
  dataDir: env['BENCH_DATA_DIR'] ?? '/tmp/tansiq-bench',
  ...(env['BENCH_DATABASE_URL'] ? { databaseUrl: env['BENCH_DATABASE_URL'] } : {}),
  ...(env['BENCH_PG_SCHEMA'] ? { pgSchema: env['BENCH_PG_SCHEMA'] } : {}),
  ...(env['BENCH_SQLITE_SYNC'] === 'NORMAL' ? { synchronous: 'NORMAL' as const } : {}),
});
await store.migrate();
const site = await store.ensureSite({ id: '00000000-0000-7000-8000-00000000be0c', name: 'bench', party: 'peshmerga', createdAt: new Date().toISOString() });
const services = createServices(store, site);
if (!(await store.getUserByName('bench-watch'))) {
  await services.users.add(null, { username: 'bench-watch', password: 'bench-password-1', party: 'peshmerga', roles: ['watch'] });
}
const app = await buildApp(services, { logger: false, rateLimit: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async (): Promise<void> => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
