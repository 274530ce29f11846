import type { Store } from '../storage/ports.ts';

/**
 * The store, with `onCommit` called after every write transaction commits: the live hub reads
 * new events at once instead of at its next poll. Rolled-back writes do not call it.
 */
export function notifyingCommits(store: Store, onCommit: () => void): Store {
  const write: Store['write'] = async (fn) => {
    const result = await store.write(fn);
    onCommit();
    return result;
  };
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // Backends keep private (#) fields: their methods must run with the real store as `this`.
      if (!bound.has(key)) bound.set(key, (value as (...args: unknown[]) => unknown).bind(target));
      return bound.get(key);
    },
  });
}
