import type Milsymbol from 'milsymbol';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Icon from 'ol/style/Icon';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';

/**
 * Both forces are friendly coalition partners (APP-6 affiliation "friend"); the fill tells them
 * apart. The legend names the colours, so they are defined once here.
 */
export const FORCE_FILL = { peshmerga: '#8fd18a', federal: '#80c8ff', joint: '#d7b5ff' } as const;
export type Force = keyof typeof FORCE_FILL;

export const isForce = (v: unknown): v is Force => typeof v === 'string' && v in FORCE_FILL;

/**
 * milsymbol is most of the map's JavaScript (~0.85 MB): it is fetched after the first paint,
 * and until it arrives a unit shows as a dot in its force's colour.
 */
let ms: typeof Milsymbol | null = null;
let loading: Promise<void> | null = null;
export const symbolsLoaded = (): boolean => ms !== null;
export function loadSymbols(): Promise<void> {
  loading ??= import('milsymbol').then((m) => {
    ms = m.default;
  });
  return loading;
}

const cache = new Map<string, Style>();
const dots = new Map<Force, Style>();

const dotOf = (force: Force): Style => {
  let style = dots.get(force);
  if (!style) dots.set(force, (style = new Style({ image: new CircleStyle({ radius: 6, fill: new Fill({ color: FORCE_FILL[force] }), stroke: new Stroke({ color: '#1f2937', width: 1.5 }) }) })));
  return style;
};

/** One canvas per SIDC and force, drawn once and shared by every unit that uses it. */
export function unitStyle(sidc: string, force: Force): Style {
  if (!ms) return dotOf(force);
  const key = `${sidc}|${force}`;
  let style = cache.get(key);
  if (!style) {
    const symbol = new ms.Symbol(sidc, { size: 22, fillColor: FORCE_FILL[force], outlineWidth: 3, outlineColor: 'rgba(255,255,255,0.85)' });
    const canvas = symbol.asCanvas(window.devicePixelRatio || 1);
    const anchor = symbol.getAnchor();
    const size = symbol.getSize();
    style = new Style({
      image: new Icon({
        img: canvas,
        // asCanvas(factor) scales the bitmap; the anchor and size are in unscaled pixels.
        scale: 1 / (window.devicePixelRatio || 1),
        anchor: [anchor.x / size.width, anchor.y / size.height],
      }),
    });
    cache.set(key, style);
  }
  return style;
}

/** A data URL of the symbol for the legend (cached by the same key); undefined until milsymbol is loaded. */
const urlCache = new Map<string, string>();
export function unitSymbolUrl(sidc: string, force: Force): string | undefined {
  if (!ms) return undefined;
  const key = `${sidc}|${force}`;
  let url = urlCache.get(key);
  if (!url) urlCache.set(key, (url = new ms.Symbol(sidc, { size: 18, fillColor: FORCE_FILL[force] }).toDataURL()));
  return url;
}
