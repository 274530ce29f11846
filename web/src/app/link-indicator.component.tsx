import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkState, LiveSource } from './contracts.ts';

export function useLinkState(live: LiveSource): LinkState {
  const [state, setState] = useState<LinkState>(() => live.state());
  useEffect(() => {
    setState(live.state());
    return live.onState(setState);
  }, [live]);
  return state;
}

/** Live / reconnecting / offline: staff must know whether the picture is current. */
export function LinkIndicator({ live }: { live: LiveSource }) {
  const { t } = useTranslation('common');
  const state = useLinkState(live);
  return (
    <span className={`link-state link-${state}`} data-link-state={state} role="status" aria-live="polite">
      <span className="link-dot" aria-hidden="true" />
      {t(`link.${state}`)}
    </span>
  );
}
