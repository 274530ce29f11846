import { useEffect, useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, Lang } from '../app/contracts.ts';
import { placeNames, type PlaceHit } from './place.model.ts';

const DEBOUNCE_MS = 250;

/**
 * Gazetteer search: the server folds Arabic, Kurdish and Latin spellings (خضر, Xizr, Khidirjija
 * all find the village), so whatever the officer types is sent as is.
 */
export function PlaceSearch({ api, lang, onPick }: { api: ApiClient; lang: Lang; onPick: (p: PlaceHit, name: string) => void }): JSX.Element {
  const { t } = useTranslation('desk');
  const [q, setQ] = useState('');
  // The answer remembers its question, so a slow reply to an older text is never shown.
  const [answer, setAnswer] = useState<{ q: string; hits: PlaceHit[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const listId = useId();

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      api.get<{ items: PlaceHit[] }>('/places', { q: text, limit: 8 }).then(
        (r) => live && (setAnswer({ q: text, hits: r.items }), setFailed(false)),
        () => live && setFailed(true),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, q]);

  const pick = (p: PlaceHit): void => {
    onPick(p, placeNames(p, lang).name);
    setQ('');
    setAnswer(null);
  };

  const text = q.trim();
  const hits = answer && answer.q === text ? answer.hits : [];

  return (
    <div className="place-search">
      <input
        type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('form.placeSearchHint')}
        aria-label={t('form.placeSearch')} aria-controls={listId} name="placeSearch" autoComplete="off"
      />
      {failed && <p className="field-error">{t('errors.placeSearch')}</p>}
      {hits.length > 0 && (
        <ul className="place-hits" id={listId} role="listbox" data-user-content>
          {hits.map((p) => {
            const { name, hints } = placeNames(p, lang);
            return (
              <li key={p.id} role="option" aria-selected={false}>
                <button type="button" onClick={() => pick(p)} data-place={p.id}>
                  <span className="place-name">{name}</span>
                  {hints.length > 0 && <span className="place-hints">{hints.join(' · ')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {answer && answer.q === text && hits.length === 0 && <p className="muted">{t('form.noPlaces')}</p>}
    </div>
  );
}
