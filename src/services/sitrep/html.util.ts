/**
 * A tagged template that escapes every interpolated value unless it is already `Html`. Record text
 * is user input: building the report only through `html` means no value can open a tag or an
 * attribute, whatever characters it holds (`&`, quotes, `<` followed by a digit ...).
 */
export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Text from records, isolated so a Latin name inside Arabic (or the reverse) keeps its own direction. */
export const data = (text: string | null | undefined): Html => html`<bdi>${text ?? ''}</bdi>`;

/** For record text inside a sentence: first-strong isolate … pop directional isolate. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
