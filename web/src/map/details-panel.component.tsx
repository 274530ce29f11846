import { useTranslation } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';
import { TlpBanner } from '../app/tlp-banner.component.tsx';
import type { RecordView } from '../api/records.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';

type Data = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const total = (v: unknown): number => (typeof v === 'object' && v !== null ? Object.values(v).reduce<number>((a, n) => a + (typeof n === 'number' ? n : 0), 0) : 0);

function titleOf(r: RecordView, lang: Lang): string {
  const d = r.data as Data;
  const name = d['name'];
  if (typeof name === 'object' && name !== null) {
    const n = name as Record<string, string>;
    return n[lang] ?? n['en'] ?? n['ar'] ?? n['ckb'] ?? '';
  }
  return str(d['title']) ?? str(name) ?? '';
}

/** The fields staff ask about first, per type; every label translated, values as entered. */
function facts(r: RecordView, lang: Lang, t: (k: string) => string): [string, string][] {
  const d = r.data as Data;
  const out: [string, string][] = [];
  const add = (label: string, value: string | undefined) => value && out.push([t(label), value]);
  if (r.type === 'incident') {
    add('details.occurredAt', str(d['occurredAt']) && formatDateTime(lang, String(d['occurredAt'])));
    add('details.killed', formatNumber(lang, total(d['killed'])));
    add('details.wounded', formatNumber(lang, total(d['wounded'])));
    add('details.verification', str(d['verification']) && t(`verification.${String(d['verification'])}`));
  }
  if (r.type === 'unit') {
    add('details.force', str(d['force']) && t(`force.${String(d['force'])}`));
    add('details.echelon', str(d['echelon']) && t(`echelon.${String(d['echelon'])}`));
  }
  if (r.type === 'checkpoint') {
    add('details.kind', str(d['kind']) && t(`checkpointKind.${String(d['kind'])}`));
    add('details.status', str(d['status']) && t(`status.${String(d['status'])}`));
  }
  if (r.type === 'operation') add('details.status', str(d['status']) && t(`status.${String(d['status'])}`));
  add('details.origin', t(`force.${r.originParty}`));
  add('details.scope', r.scope === 'own' ? t('scope.own') : r.scope === 'bilateral' ? t('scope.bilateral') : t('scope.jcc'));
  add('details.updatedAt', formatDateTime(lang, r.updatedAt));
  return out;
}

export function DetailsPanel({ record, lang, onClose }: { record: RecordView; lang: Lang; onClose: () => void }) {
  const { t } = useTranslation('map');
  return (
    <section className="panel details-panel" aria-labelledby="details-title" data-record-type={record.type}>
      <TlpBanner tlp={record.tlp} />
      <header>
        <span className="details-type">{t(`type.${record.type}`)}</span>
        <button type="button" className="close" onClick={onClose} aria-label={t('details.close')}>×</button>
      </header>
      <h2 id="details-title" data-user-content>{titleOf(record, lang)}</h2>
      <dl>
        {facts(record, lang, t).map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
    </section>
  );
}
