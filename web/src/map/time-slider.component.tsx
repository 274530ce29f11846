import { useTranslation } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';
import { formatDateTime } from '../i18n/format.ts';
import { fromDays, toDays, type TimeWindow } from './time-window.ts';

interface Props {
  lang: Lang;
  domain: TimeWindow;
  window: TimeWindow;
  onChange: (w: TimeWindow) => void;
}

/** Two thumbs over the scenario's days: from and to; incidents outside are hidden. */
export function TimeSlider({ lang, domain, window: w, onChange }: Props) {
  const { t } = useTranslation('map');
  const total = Math.floor((domain.to - domain.from) / 86_400_000);
  const [a, b] = toDays(domain, w);
  return (
    <section className="panel time-slider" aria-label={t('time.title')}>
      <div className="time-labels">
        <span>{t('time.from')} <output>{formatDateTime(lang, w.from, false)}</output></span>
        <span>{t('time.to')} <output>{formatDateTime(lang, w.to, false)}</output></span>
      </div>
      <input type="range" min={0} max={total} value={a} aria-label={t('time.from')} onChange={(e) => onChange(fromDays(domain, Number(e.target.value), b))} />
      <input type="range" min={0} max={total} value={b} aria-label={t('time.to')} onChange={(e) => onChange(fromDays(domain, a, Number(e.target.value)))} />
      <button type="button" onClick={() => onChange(domain)}>{t('time.all')}</button>
    </section>
  );
}
