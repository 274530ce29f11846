import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './incident-form.state.ts';

/** The visible error text: translated when the desk knows it, else the server's words. */
export function ErrorText({ error, id }: { error: FieldError | undefined; id?: string }): JSX.Element | null {
  const { t } = useTranslation('desk');
  if (!error) return null;
  return <p className="field-error" role="alert" id={id}>{error.key ? t(error.key) : error.text}</p>;
}

/** A labelled form field with its error line underneath. */
export function FieldRow({ label, error, children, name }: { label: string; error?: FieldError | undefined; children: ReactNode; name: string }): JSX.Element {
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-field={name}>
      <label>
        <span className="field-label">{label}</span>
        {children}
      </label>
      <ErrorText error={error} />
    </div>
  );
}
