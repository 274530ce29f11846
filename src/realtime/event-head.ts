import type { Store } from '../storage/ports.ts';

/**
 * The highest event seq in the store, found with O(log n) one-row reads (the storage port has
 * no "latest" query, and reading every event at start-up would take long on a large site).
 */
export async function latestEventSeq(store: Store): Promise<number> {
  const hasAfter = async (seq: number): Promise<boolean> => (await store.listEvents(seq, 1)).length > 0;
  let known = 0;
  let step = 1024;
  // Gallop until a seq with nothing after it, then halve the step back down.
  while (await hasAfter(known + step)) {
    known += step;
    step *= 2;
  }
  while (step > 1) {
    step /= 2;
    if (await hasAfter(known + step)) known += step;
  }
  return (await hasAfter(known)) ? known + 1 : known;
}
