import ms from 'milsymbol';
import Icon from 'ol/style/Icon';
import Style from 'ol/style/Style';

/**
 * Both forces are friendly coalition partners (APP-6 affiliation "friend"); the fill tells them
 * apart. The legend names the colours, so they are defined once here.
 */
export const FORCE_FILL = { peshmerga: '#8fd18a', federal: '#80c8ff', joint: '#d7b5ff' } as const;
export type Force = keyof typeof FORCE_FILL;

export const isForce = (v: unknown): v is Force => typeof v === 'string' && v in FORCE_FILL;

const cache = new Map<string, Style>();

/** One canvas per SIDC and force, drawn once and shared by every unit that uses it. */
export function unitStyle(sidc: string, force: Force): Style {
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

/** A data URL of the symbol for the legend (cached by the same key). */
const urlCache = new Map<string, string>();
export function unitSymbolUrl(sidc: string, force: Force): string {
  const key = `${sidc}|${force}`;
  let url = urlCache.get(key);
  if (!url) urlCache.set(key, (url = new ms.Symbol(sidc, { size: 18, fillColor: FORCE_FILL[force] }).toDataURL()));
  return url;
}
