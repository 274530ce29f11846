import type { FeatureLike } from 'ol/Feature';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import RegularShape from 'ol/style/RegularShape';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import Text from 'ol/style/Text';
import { FORCE_FILL, isForce } from './symbols.ts';

/** Gap risk colours, light to dark; the legend uses the same list. */
export const RISK_COLOURS = { low: '#fde68a', medium: '#f59e0b', high: '#dc2626' } as const;
export type Risk = keyof typeof RISK_COLOURS;
export const riskOf = (score: number): Risk => (score >= 0.66 ? 'high' : score >= 0.33 ? 'medium' : 'low');

const stroke = (color: string, width: number, lineDash?: number[]) => new Stroke({ color, width, ...(lineDash ? { lineDash } : {}) });
const fill = (color: string) => new Fill({ color });

export const adminStyle = (level: number) =>
  new Style({ stroke: stroke(level <= 1 ? 'rgba(70,70,90,0.9)' : 'rgba(110,110,130,0.55)', level <= 1 ? 1.6 : 0.8, level <= 1 ? undefined : [4, 3]) });

export const jccStyle = new Style({ stroke: stroke('#7c3aed', 2, [8, 4]), fill: fill('rgba(124,58,237,0.06)') });

const forceLineStyles = {
  peshmerga: new Style({ stroke: stroke('#15803d', 3) }),
  federal: new Style({ stroke: stroke('#1d4ed8', 3) }),
};
export const forceLineStyle = (f: FeatureLike) => (f.get('party') === 'federal' ? forceLineStyles.federal : forceLineStyles.peshmerga);

export const stripStyle = new Style({ stroke: stroke('rgba(185,28,28,0.8)', 1, [2, 4]), fill: fill('rgba(239,68,68,0.18)') });

const riskStyles = Object.fromEntries(
  Object.entries(RISK_COLOURS).map(([k, c]) => [k, new Style({ stroke: stroke(c, 1.5), fill: fill(`${c}66`) })]),
) as Record<Risk, Style>;
export const gapStyle = (f: FeatureLike) => riskStyles[(f.get('risk') as Risk | undefined) ?? 'low'];

export const operationStyle = new Style({ stroke: stroke('#0f766e', 2), fill: fill('rgba(15,118,110,0.07)') });
export const sectorStyle = (f: FeatureLike) => {
  const force = f.get('force');
  const colour = isForce(force) ? FORCE_FILL[force] : '#999';
  return new Style({ stroke: stroke('#0f766e', 1, [6, 3]), fill: fill(`${colour}33`) });
};

/** Checkpoints: joint = both forces' colours split, single-force = one square, unmanned = hollow grey. */
const checkpointShapes = {
  joint: new Style({ image: new RegularShape({ points: 4, radius: 9, angle: Math.PI / 4, fill: fill(FORCE_FILL.joint), stroke: stroke('#4c1d95', 2) }) }),
  'single-force': new Style({ image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, fill: fill('#fef3c7'), stroke: stroke('#92400e', 2) }) }),
  unmanned: new Style({ image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, fill: fill('rgba(255,255,255,0.4)'), stroke: stroke('#6b7280', 2, [3, 2]) }) }),
};
const closedMark = new Style({ image: new RegularShape({ points: 4, radius: 6, radius2: 0, angle: Math.PI / 4, stroke: stroke('#b91c1c', 2) }) });
export const checkpointStyle = (f: FeatureLike) => {
  const kind = f.get('kind') as keyof typeof checkpointShapes;
  const base = checkpointShapes[kind] ?? checkpointShapes['single-force'];
  return f.get('status') === 'closed' ? [base, closedMark] : base;
};
export { checkpointShapes };

/** Incident clusters: size by count, colour by whether anyone was hurt; the count in the UI's digits. */
export function incidentClusterStyle(formatCount: (n: number) => string) {
  const cache = new Map<string, Style>();
  return (f: FeatureLike) => {
    const members = (f.get('features') as FeatureLike[] | undefined) ?? [];
    const n = members.length;
    // Worked out once per cluster (a big cluster holds thousands), then read on every frame.
    let hurt = f.get('hurt') as boolean | undefined;
    if (hurt === undefined) {
      hurt = members.some((m) => (m.get('casualties') as number) > 0);
      if ('set' in f) f.set('hurt', hurt, true);
    }
    const label = n > 1 ? formatCount(n) : '';
    const key = `${label}|${n === 1}|${hurt}`;
    let s = cache.get(key);
    if (!s) {
      const radius = n === 1 ? 5 : Math.min(22, 8 + Math.log2(n) * 2.2);
      s = new Style({
        image: new CircleStyle({ radius, fill: fill(hurt ? 'rgba(220,38,38,0.85)' : 'rgba(234,88,12,0.8)'), stroke: stroke('#fff', 1.5) }),
        ...(n > 1 ? { text: new Text({ text: label, fill: fill('#fff'), font: 'bold 11px sans-serif' }) } : {}),
      });
      cache.set(key, s);
    }
    return s;
  };
}

export const placeLabelStyle = (label: string, major: boolean) =>
  new Style({
    image: new CircleStyle({ radius: major ? 3 : 2, fill: fill('#374151') }),
    text: new Text({
      text: label,
      font: `${major ? '600 13px' : '11px'} "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif`,
      offsetY: -10,
      fill: fill('#111827'),
      stroke: stroke('rgba(255,255,255,0.9)', 3),
      overflow: true,
    }),
  });
