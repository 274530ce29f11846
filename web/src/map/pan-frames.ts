import type OlMap from 'ol/Map';
import ViewHint from 'ol/ViewHint';

/**
 * Pans the map back and forth for `ms`, one step per animation frame, and returns the intervals
 * between frames: the load benchmark's frame-time figure, measured in the page itself. The view is
 * marked as interacting, exactly as a drag with the mouse marks it (ol/interaction/DragPan).
 */
export function panFrames(map: OlMap, ms: number): Promise<number[]> {
  const view = map.getView();
  const start = view.getCenter();
  const resolution = view.getResolution() ?? 1;
  view.setHint(ViewHint.INTERACTING, 1);
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let t0 = 0;
    let last = 0;
    const step = (now: number) => {
      if (t0 === 0) t0 = now;
      else intervals.push(now - last);
      last = now;
      const [x, y] = start ?? [];
      // Whole screen pixels, as a mouse drag moves the map (pointer events come in whole pixels).
      const dx = Math.round(Math.sin((now - t0) / 400) * 300);
      const dy = Math.round(Math.cos((now - t0) / 500) * 150);
      if (x !== undefined && y !== undefined) view.setCenter([x + dx * resolution, y + dy * resolution]);
      if (now - t0 < ms) requestAnimationFrame(step);
      else {
        view.setHint(ViewHint.INTERACTING, -1);
        if (start) view.setCenter(start);
        resolve(intervals);
      }
    };
    requestAnimationFrame(step);
  });
}
