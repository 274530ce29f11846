import * as mgrsModule from 'mgrs';

// The package's ESM build has named exports; under Node (tests) its UMD build arrives as `default`.
const mgrs = mgrsModule as typeof mgrsModule & { default?: typeof mgrsModule };
const forward = mgrs.forward ?? mgrs.default?.forward;

/** `38S MC 12345 67890`: the grid reference staff read out on the radio. */
export function mgrsOf(lon: number, lat: number): string {
  try {
    const m = forward([lon, lat], 5);
    const match = /^(\d{1,2}[C-X])([A-Z]{2})(\d{5})(\d{5})$/.exec(m);
    return match ? `${match[1]} ${match[2]} ${match[3]} ${match[4]}` : m;
  } catch {
    // Outside the MGRS latitude band (polar): no grid reference.
    return '';
  }
}

/** Latitude, longitude in signed decimal degrees (5 decimals ≈ 1 m): the same in every UI language. */
export function latLonText(lon: number, lat: number): string {
  return `${lat.toFixed(5)}°, ${lon.toFixed(5)}°`;
}
