import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { totalOf } from './incident.model.ts';
import { jccLabel, type JccOption } from './jcc.model.ts';
import type { QueuedIncident } from './queue.state.ts';
import { tlpColour, tlpLabel } from '../app/tlp.ts';
import { asTlp } from './tlp.util.ts';

/** The JCC's queue of new reports, newest first; each row carries its TLP label. */
export function IncidentQueue({ items, lang, jccs, selectedId, onSelect }: {
  items: readonly QueuedIncident[]; lang: Lang; jccs: readonly JccOption[]; selectedId: string | undefined; onSelect: (r: QueuedIncident) => void;
}): JSX.Element {
  const { t } = useTranslation('desk');
  if (items.length === 0) return <p className="muted">{t('queue.empty')}</p>;
  return (
    <ol className="queue" data-testid="queue">
      {items.map((r) => {
        const d = r.data;
        const tlp = asTlp(r.tlp);
        const casualties = totalOf(d.killed) + totalOf(d.wounded);
        return (
          <li key={r.id} aria-current={r.id === selectedId ? 'true' : undefined}>
            <button type="button" onClick={() => onSelect(r)} data-id={r.id}>
              <span className="tlp-chip" style={{ color: tlpColour(tlp), background: '#000' }} dir="ltr">{tlpLabel(tlp)}</span>
              <span className="queue-title" dir="auto" data-user-content>{d.title}</span>
              <span className="queue-meta">
                <time dateTime={d.occurredAt}>{formatDateTime(lang, d.occurredAt)}</time>
                {d.placeName && <span dir="auto" data-user-content>{d.placeName}</span>}
                {jccLabel(jccs, d.jccId) && <span>{jccLabel(jccs, d.jccId)}</span>}
                {casualties > 0 && <span>{t('queue.casualties', { n: formatNumber(lang, casualties) })}</span>}
                <span className={`badge state-${d.verification}`}>{t(`verification.${d.verification}`)}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
