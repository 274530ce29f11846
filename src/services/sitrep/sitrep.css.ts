import { createHash } from 'node:crypto';
import { TLPS } from '../../core/model/common.ts';
import { TLP_COLOURS } from './tlp.util.ts';

/**
 * The report's only style sheet. It is allowed by its hash in the Content-Security-Policy, so the
 * report needs neither inline style attributes nor 'unsafe-inline', and runs no script at all.
 */
export const SITREP_CSS = `
@page { size: A4; margin: 10mm 12mm; }
html { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; }
body { margin: 0; }
@media screen { body { max-width: 200mm; margin: 0 auto; padding: 4mm; background: #fff; } }
table.page { width: 100%; border-collapse: collapse; }
table.page > thead td, table.page > tfoot td { padding: 0; }
.tlp { background: #000; font-weight: bold; text-align: center; padding: 1mm 3mm; margin: 0 0 2mm; letter-spacing: 0.06em; direction: ltr; }
tfoot .tlp { margin: 2mm 0 0; font-weight: normal; font-size: 8pt; }
${TLPS.map((t) => `.tlp-${t.replace('+', '-')} { color: ${TLP_COLOURS[t]}; }`).join('\n')}
header h1 { font-size: 18pt; margin: 0 0 1mm; }
header h1 .scope { display: block; font-size: 12pt; font-weight: normal; color: #333; }
header p { margin: 0.5mm 0; color: #333; }
section { margin-top: 4mm; }
h2 { font-size: 12.5pt; margin: 0 0 2mm; padding-bottom: 0.5mm; border-bottom: 1.5pt solid #333; break-after: avoid; }
.figures { display: flex; gap: 3mm; flex-wrap: wrap; margin-bottom: 2mm; }
.figure { border: 1px solid #bbb; border-radius: 1.5mm; padding: 1.5mm 4mm; min-width: 28mm; }
.figure b { display: block; font-size: 17pt; }
table.data { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
table.data th, table.data td { border-bottom: 0.5pt solid #ccc; padding: 0.8mm 1.2mm; text-align: start; vertical-align: top; }
table.data th { background: #eee; font-weight: bold; }
table.data td.num, table.data th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tr { break-inside: avoid; }
td.when { white-space: nowrap; }
figure { margin: 0; break-inside: avoid; }
svg.map { background: #f7f5ef; width: 100%; height: auto; max-height: 150mm; border: 0.5pt solid #888; display: block; }
figcaption { font-size: 8pt; color: #444; margin-top: 1mm; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 5mm; font-size: 8pt; margin-top: 1.5mm; }
.legend span { white-space: nowrap; }
svg.sym { vertical-align: middle; margin-inline-end: 1mm; }
svg.progress { width: 22mm; height: 3mm; vertical-align: middle; margin-inline-end: 1mm; }
.overdue { color: #b71c1c; font-weight: bold; }
.note { color: #555; font-size: 8pt; }
.muted { color: #666; }
.sectors { margin: 0; padding-inline-start: 4mm; }
`;

export const SITREP_CSS_HASH = `sha256-${createHash('sha256').update(SITREP_CSS).digest('base64')}`;

/** Nothing may load or run; only the one style sheet applies. */
export const SITREP_CSP = `default-src 'none'; style-src '${SITREP_CSS_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
