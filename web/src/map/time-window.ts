export const DAY_MS = 86_400_000;

export interface TimeWindow {
  /** Inclusive, epoch ms. */
  from: number;
  /** Inclusive, epoch ms (end of that day). */
  to: number;
}

/** The days the incidents span, whole UTC days; null when there are none. */
export function domainOf(times: Iterable<number>): TimeWindow | null {
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    if (!Number.isFinite(t)) continue;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min > max) return null;
  return { from: Math.floor(min / DAY_MS) * DAY_MS, to: Math.floor(max / DAY_MS) * DAY_MS + DAY_MS - 1 };
}

/** Day offsets of a window inside a domain, for the two slider thumbs. */
export function toDays(domain: TimeWindow, w: TimeWindow): [number, number] {
  const days = (t: number) => Math.floor((t - domain.from) / DAY_MS);
  return [days(w.from), days(w.to)];
}

/** The window for slider positions, kept inside the domain and in order. */
export function fromDays(domain: TimeWindow, fromDay: number, toDay: number): TimeWindow {
  const total = Math.floor((domain.to - domain.from) / DAY_MS);
  const a = Math.max(0, Math.min(total, Math.round(Math.min(fromDay, toDay))));
  const b = Math.max(0, Math.min(total, Math.round(Math.max(fromDay, toDay))));
  return { from: domain.from + a * DAY_MS, to: domain.from + b * DAY_MS + DAY_MS - 1 };
}

export const inWindow = (w: TimeWindow | null, t: number): boolean => w === null || (t >= w.from && t <= w.to);
