import { z } from 'zod';

/**
 * Zod schema for text a person typed. SQL-looking input such as `'; DROP TABLE incidents; --` is
 * accepted on purpose: storage only uses parameterised queries, so it is just text. What is refused
 * is what can mislead a reader or break a renderer: direction overrides, control characters,
 * mis-decoded or broken Unicode and HTML markup.
 */

// Embeddings, overrides and isolates reorder what is shown (the "Trojan Source" trick). The marks
// LRM, RLM and ALM are not in these ranges: Arabic and Kurdish text needs them around numbers and
// Latin words, and they cannot reorder text beyond their own position.
const BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_RE = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above, minus \t \n \r
const CONTROL_EXCEPT_LINES_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A browser starts a tag, end tag, comment or declaration only on `<` followed by one of these, so
// comparisons like "x < 5" or "a<5" stay valid text. Any letter, not only ASCII, as XML allows them.
const MARKUP_RE = /<[\p{L}/!?]/u;

export interface SafeTextOptions {
  /** Allow line breaks and tabs (notes, report bodies). */
  multiline?: boolean;
  /** Minimum length after trimming; 0 by default. */
  min?: number;
}

const lengthMessage = (min: number): string => (min === 1 ? 'must not be empty' : `must be at least ${min} characters`);

export function safeText(max: number, opts: SafeTextOptions = {}): z.ZodString {
  const min = opts.min ?? 0;
  return z
    .string()
    .trim()
    // Checked first and aborting, so oversized input is not scanned by the patterns below.
    .max(max, { message: `must be at most ${max} characters`, abort: true })
    .min(min, { message: lengthMessage(min) })
    .refine((s) => !BIDI_CONTROL_RE.test(s), {
      message: 'contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which can disguise text',
    })
    .refine((s) => !(opts.multiline ? CONTROL_EXCEPT_LINES_RE : CONTROL_RE).test(s), {
      message: opts.multiline ? 'contains control characters (only line breaks and tabs are allowed)' : 'must be a single line without control characters',
    })
    .refine((s) => !s.includes('\uFFFD'), {
      message: 'contains U+FFFD replacement characters: the text was decoded with the wrong encoding',
    })
    .refine((s) => !LONE_SURROGATE_RE.test(s), { message: 'contains broken Unicode (a lone surrogate)' })
    .refine((s) => !MARKUP_RE.test(s), { message: 'must be plain text, not HTML markup' });
}
