import { formatterFor, type Formatter } from './format.util.ts';
import { data, html, Html, isolate } from './html.util.ts';
import { isRtl, stringsFor, type Strings } from './i18n.ts';
import { legendSymbol, renderMap } from './map.svg.ts';
import { SITREP_CSP, SITREP_CSS } from './sitrep.css.ts';
import type { SitrepModel } from './sitrep.model.ts';
import { actionItemsSection, casualtiesSection, checkpointsSection, gapsSection, incidentsSection, operationsSection } from './sitrep.sections.ts';
import { tlpLabel } from './tlp.util.ts';

type Ctx = { m: SitrepModel; s: Strings; f: Formatter };

function windowLabel(m: SitrepModel, s: Strings, f: Formatter): string {
  if (m.hours === 24 || m.hours === 168) return s.window[m.hours];
  return s.window.other(f.int(m.hours));
}

function banner({ m, s, f }: Ctx, where: 'top' | 'bottom'): Html {
  const label = tlpLabel(m.tlp);
  const cls = `tlp tlp-${m.tlp.replace('+', '-')}`;
  if (where === 'top') return html`<div class="${cls}">${label}</div>`;
  return html`<div class="${cls}">${label} · ${s.title} · ${f.dateTime(m.generatedAt)}</div>`;
}

function header({ m, s, f }: Ctx): Html {
  return html`<header>
<h1>${s.title}<span class="scope">${m.jcc ? data(m.jcc.name) : s.allJccs}</span></h1>
<p><b>${s.period}:</b> ${windowLabel(m, s, f)}${s.comma}${f.dateTime(m.since)} – ${f.dateTime(m.until)}</p>
<p><b>${s.generated}:</b> ${f.dateTime(m.generatedAt)}${s.comma}${s.generatedBy(isolate(m.reader.username), s.parties[m.reader.party])}</p>
<p><b>${s.handling}:</b> <span dir="ltr">${tlpLabel(m.tlp)}</span>. ${s.timesNote}</p>
</header>`;
}

function summary({ m, s, f }: Ctx): Html {
  const fig = (n: number, label: string): Html => html`<div class="figure"><b>${f.int(n)}</b>${label}</div>`;
  return html`<section id="summary"><h2>${s.sections.summary}</h2><div class="figures">
${fig(m.incidentCount, s.figures.incidents)}${fig(m.totals.killed.total, s.figures.killed)}${fig(m.totals.wounded.total, s.figures.wounded)}
${fig(m.checkpoints.totals.short + m.checkpoints.totals.unmanned, `${s.sections.checkpoints}: ${s.staffing.short} / ${s.staffing.unmanned}`)}
${fig(m.actionItems.filter((a) => a.overdue).length, `${s.sections.actionItems}: ${s.overdue}`)}</div></section>`;
}

function mapSection({ m, s, f }: Ctx): Html {
  const item = (sym: Html, label: string): Html => html`<span>${sym}${label}</span>`;
  return html`<section id="map"><h2>${s.sections.map}</h2><figure>
${renderMap(m.map, s, f)}
<div class="legend">
${item(legendSymbol('incident'), s.map.legendIncident)}${item(legendSymbol('jcc'), s.map.legendJcc)}${item(legendSymbol('district'), s.map.legendDistricts)}
${item(legendSymbol('peshmerga'), s.map.legendLine.peshmerga)}${item(legendSymbol('federal'), s.map.legendLine.federal)}
${m.gaps !== null ? item(legendSymbol('gap'), s.map.legendGap) : ''}
</div>
<figcaption>${s.map.sketch}.</figcaption></figure></section>`;
}

/** The whole report: one self-contained, print-ready page with no script and a strict CSP. */
export function renderSitrep(m: SitrepModel): string {
  const ctx: Ctx = { m, s: stringsFor(m.lang), f: formatterFor(m.lang) };
  const { s } = ctx;
  const title = `${s.title} – ${m.jcc ? m.jcc.name : s.allJccs}`;
  const doc = html`<!doctype html>
<html lang="${m.lang}" dir="${isRtl(m.lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SITREP_CSP}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(SITREP_CSS)}</style>
</head>
<body>
<table class="page">
<thead><tr><td>${banner(ctx, 'top')}</td></tr></thead>
<tfoot><tr><td>${banner(ctx, 'bottom')}</td></tr></tfoot>
<tbody><tr><td>
${header(ctx)}
${summary(ctx)}
${mapSection(ctx)}
${casualtiesSection(ctx)}
${incidentsSection(ctx)}
${gapsSection(ctx)}
${checkpointsSection(ctx)}
${operationsSection(ctx)}
${actionItemsSection(ctx)}
<p class="note">${s.visibilityNote}</p>
</td></tr></tbody>
</table>
</body>
</html>
`;
  return doc.value;
}
