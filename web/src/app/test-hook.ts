/**
 * `window.__tansiq`: what the end-to-end tests and the load benchmark read from the running app
 * (features per map layer, render count) instead of guessing from pixels.
 */
export interface TansiqHook {
  counts: Record<string, number>;
  renders: number;
  /** performance.now() at the first complete render with boundaries, units and incidents drawn. */
  readyAt?: number;
  /** The OpenLayers map, so a test can find a feature's pixel to click. */
  map?: unknown;
  /** Feeds records through the same path live events take (benchmark: 100,000 incidents). */
  addRecords?: (records: unknown[]) => void;
  /** Pans the map for `ms` and returns the frame intervals seen, in milliseconds. */
  panFrames?: (ms: number) => Promise<number[]>;
}

declare global {
  interface Window {
    __tansiq?: TansiqHook;
  }
}

export function testHook(): TansiqHook {
  return (window.__tansiq ??= { counts: {}, renders: 0 });
}
