import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';
import { formatNumber } from '../i18n/format.ts';
import { RISK_COLOURS } from './feature-styles.ts';
import type { LayerStatus } from './picture-feed.ts';
import type { LayerKey } from './picture.ts';
import { FORCE_FILL, loadSymbols, symbolsLoaded, unitSymbolUrl, type Force } from './symbols.ts';

/** The order people think in: ground truth first, then analysis, then reference. */
const ORDER: LayerKey[] = ['units', 'checkpoints', 'incidents', 'heat', 'forceLines', 'strip', 'gaps', 'jccs', 'operations', 'sectors', 'places', 'admin'];
const INFANTRY = '10031000161211000000';

interface Props {
  lang: Lang;
  visible: Record<LayerKey, boolean>;
  counts: Record<string, number>;
  status: Partial<Record<LayerKey, LayerStatus>>;
  onToggle: (key: LayerKey, on: boolean) => void;
}

export function LayerPanel({ lang, visible, counts, status, onToggle }: Props) {
  const { t } = useTranslation('map');
  return (
    <section className="panel layer-panel" aria-labelledby="layers-title">
      <h2 id="layers-title">{t('layers.title')}</h2>
      <ul className="layer-list">
        {ORDER.map((key) => {
          const s = status[key];
          return (
            <li key={key} data-layer={key} data-count={counts[key] ?? 0}>
              <label>
                <input type="checkbox" checked={visible[key]} onChange={(e) => onToggle(key, e.target.checked)} />
                <span>{t(`layers.${key}`)}</span>
              </label>
              {s?.state === 'error' ? (
                <span className="layer-error" role="alert" title={t(`errors.${s.code}`, { defaultValue: t('errors.generic') })}>{t('layers.unavailable')}</span>
              ) : s?.state === 'loading' ? (
                <span className="layer-loading">{t('layers.loading')}</span>
              ) : (
                key !== 'heat' && <span className="layer-count">{formatNumber(lang, counts[key] ?? 0)}</span>
              )}
            </li>
          );
        })}
      </ul>
      <Legend />
    </section>
  );
}

function Legend() {
  const { t } = useTranslation('map');
  const forces: Force[] = ['peshmerga', 'federal', 'joint'];
  const [, setReady] = useState(symbolsLoaded);
  useEffect(() => {
    let live = true;
    void loadSymbols().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="legend" aria-label={t('legend.title')}>
      <h3>{t('legend.title')}</h3>
      <p className="legend-note">{t('legend.friendly')}</p>
      <ul>
        {forces.map((f) => (
          <li key={f}>
            {symbolsLoaded() && <img src={unitSymbolUrl(INFANTRY, f)} alt="" width={28} height={20} />}
            <span className="swatch" style={{ background: FORCE_FILL[f] }} />
            {t(`legend.force.${f}`)}
          </li>
        ))}
        <li><span className="shape cp-joint" />{t('legend.checkpoint.joint')}</li>
        <li><span className="shape cp-single" />{t('legend.checkpoint.single')}</li>
        <li><span className="shape cp-unmanned" />{t('legend.checkpoint.unmanned')}</li>
        <li><span className="line line-peshmerga" />{t('legend.line.peshmerga')}</li>
        <li><span className="line line-federal" />{t('legend.line.federal')}</li>
        <li><span className="swatch strip" />{t('legend.strip')}</li>
        {(Object.keys(RISK_COLOURS) as (keyof typeof RISK_COLOURS)[]).map((r) => (
          <li key={r}><span className="swatch" style={{ background: RISK_COLOURS[r] }} />{t(`legend.risk.${r}`)}</li>
        ))}
        <li><span className="dot incident-hurt" />{t('legend.incident.casualties')}</li>
        <li><span className="dot incident" />{t('legend.incident.none')}</li>
      </ul>
    </div>
  );
}
