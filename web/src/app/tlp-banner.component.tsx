import { useTranslation } from 'react-i18next';
import { tlpColour, tlpLabel } from './tlp.ts';

/** The handling label of a record, as people must see it on screen: `TLP:AMBER` in its colour on black. */
export function TlpBanner({ tlp }: { tlp: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="tlp-banner" role="note" data-tlp={tlp} style={{ color: tlpColour(tlp) }}>
      <span className="tlp-label" dir="ltr">{tlpLabel(tlp)}</span>
      <span className="tlp-meaning">{t(`tlp.${tlp}`, { defaultValue: '' })}</span>
    </div>
  );
}
