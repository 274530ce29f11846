/** What the feed bench's server and load generator agree on. */
import type { Party, Role } from '../../src/core/model/common.ts';

export const BENCH_PASSWORD = 'feed-bench-password-1';

export const BENCH_USERS: Record<'writer' | 'federal', { username: string; party: Party; roles: Role[] }> = {
  writer: { username: 'feed-writer', party: 'peshmerga', roles: ['watch', 'liaison'] },
  federal: { username: 'feed-federal', party: 'federal', roles: ['viewer'] },
};

/** Wall-clock milliseconds with sub-millisecond precision, comparable between the two processes. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export function incidentBody(i: number): string {
  return JSON.stringify({
    title: `Feed bench incident ${i}`,
    occurredAt: new Date(Date.UTC(2021, 6, 1) + (i % 180) * 86_400_000).toISOString(),
    location: { type: 'Point', coordinates: [43.3 + (i % 200) / 100, 34.6 + (i % 160) / 100] },
    killed: { civilian: i % 3 },
    acledEventType: 'Explosions/Remote violence',
  });
}
