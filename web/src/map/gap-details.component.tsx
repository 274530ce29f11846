import { useTranslation } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';
import { formatNumber } from '../i18n/format.ts';
import { nameIn } from './basemap.ts';

export interface GapInfo {
  rank: number;
  areaKm2: number;
  risk: number;
  admin?: { district?: { names: Record<string, string> } | null; subDistrict?: { names: Record<string, string> } | null };
  places?: { names: Record<string, string>; distanceKm: number }[];
}

/** A gap in coverage: where it is, how big, and why it ranks where it does. */
export function GapDetails({ gap, lang, onClose }: { gap: GapInfo; lang: Lang; onClose: () => void }) {
  const { t } = useTranslation('map');
  const where = gap.admin?.subDistrict ?? gap.admin?.district;
  const near = gap.places?.[0];
  return (
    <section className="panel details-panel" aria-labelledby="gap-title" data-record-type="gap">
      <header>
        <span className="details-type">{t('layers.gaps')}</span>
        <button type="button" className="close" onClick={onClose} aria-label={t('details.close')}>×</button>
      </header>
      <h2 id="gap-title">{t('gap.rank', { rank: formatNumber(lang, gap.rank) })}</h2>
      <dl>
        <div><dt>{t('gap.area')}</dt><dd>{t('measure.km2', { value: formatNumber(lang, gap.areaKm2, 1) })}</dd></div>
        <div><dt>{t('gap.risk')}</dt><dd>{formatNumber(lang, gap.risk, 2)}</dd></div>
        {where && <div><dt>{t('gap.where')}</dt><dd>{nameIn(where.names, lang)}</dd></div>}
        {near && <div><dt>{t('gap.near')}</dt><dd>{t('gap.nearValue', { place: nameIn(near.names, lang), km: formatNumber(lang, near.distanceKm, 1) })}</dd></div>}
      </dl>
    </section>
  );
}
