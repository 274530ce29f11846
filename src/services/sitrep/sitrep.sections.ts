import { CASUALTY_CATEGORIES } from '../../core/model/incident.ts';
import type { Formatter } from './format.util.ts';
import { data, html, type Html } from './html.util.ts';
import type { Strings } from './i18n.ts';
import { MAX_LISTED, type SitrepModel } from './sitrep.model.ts';

/** The report's tables. Every record value goes through `data` (escaped, direction-isolated). */

type Ctx = { m: SitrepModel; s: Strings; f: Formatter };

const none = (s: Strings): Html => html`<p class="muted">${s.none}</p>`;

const section = (id: string, title: string, body: Html): Html => html`<section id="${id}"><h2>${title}</h2>${body}</section>`;

export function casualtiesSection({ m, s, f }: Ctx): Html {
  const row = (label: string, k: number, w: number): Html => html`<tr><th>${label}</th><td class="num">${f.int(k)}</td><td class="num">${f.int(w)}</td><td class="num">${f.int(k + w)}</td></tr>`;
  return section('casualties', s.sections.casualties, html`<table class="data">
<thead><tr><th></th><th class="num">${s.figures.killed}</th><th class="num">${s.figures.wounded}</th><th class="num">${s.figures.total}</th></tr></thead>
<tbody>${CASUALTY_CATEGORIES.map((c) => row(s.categories[c], m.totals.killed[c], m.totals.wounded[c]))}
${row(s.figures.total, m.totals.killed.total, m.totals.wounded.total)}</tbody></table>`);
}

export function incidentsSection({ m, s, f }: Ctx): Html {
  if (m.incidents.length === 0) return section('incidents', s.sections.incidents, none(s));
  const more = m.incidentCount - m.incidents.length;
  return section('incidents', s.sections.incidents, html`<table class="data">
<thead><tr><th>${s.columns.time}</th><th>${s.columns.place}</th><th>${s.columns.type}</th><th>${s.columns.title}</th><th class="num">${s.figures.killed}</th><th class="num">${s.figures.wounded}</th><th>${s.columns.verification}</th></tr></thead>
<tbody>${m.incidents.map((i) => html`<tr><td class="when">${f.dateTime(i.at)}</td><td>${data(i.place)}</td><td>${i.eventType ? s.acled[i.eventType] : s.unspecifiedType}</td><td>${data(i.title)}</td><td class="num">${f.int(i.killed)}</td><td class="num">${f.int(i.wounded)}</td><td>${s.verification[i.verification]}</td></tr>`)}</tbody>
</table>${more > 0 && m.incidents.length >= MAX_LISTED ? html`<p class="note">${s.notListed(f.int(more))}</p>` : ''}`);
}

export function gapsSection({ m, s, f }: Ctx): Html {
  if (m.gaps === null) return section('gaps', s.sections.gaps, html`<p class="muted">${s.gapsUnavailable}</p>`);
  const body = m.gaps.length === 0
    ? none(s)
    : html`<table class="data"><thead><tr><th class="num">${s.columns.rank}</th><th>${s.columns.place}</th><th class="num">${s.columns.area}</th><th class="num">${s.figures.incidents}</th><th class="num">${s.columns.risk}</th></tr></thead>
<tbody>${m.gaps.map((g) => html`<tr><td class="num">${f.int(g.rank)}</td><td>${data(g.place)}</td><td class="num">${f.decimal(g.areaKm2, 1)} ${s.map.km2}</td><td class="num">${f.int(g.incidents)}</td><td class="num">${f.decimal(g.risk, 2)}</td></tr>`)}</tbody></table>`;
  return section('gaps', s.sections.gaps, html`${body}<p class="note">${s.gapsNote}</p>`);
}

export function checkpointsSection({ m, s, f }: Ctx): Html {
  const c = m.checkpoints;
  if (c.checkpoints.length === 0) return section('checkpoints', s.sections.checkpoints, none(s));
  return section('checkpoints', s.sections.checkpoints, html`<div class="figures">
<div class="figure"><b>${f.int(c.totals.full)}</b>${s.staffing.full}</div>
<div class="figure"><b>${f.int(c.totals.short)}</b>${s.staffing.short}</div>
<div class="figure"><b>${f.int(c.totals.unmanned)}</b>${s.staffing.unmanned}</div></div>
<table class="data"><thead><tr><th>${s.columns.name}</th><th>${s.columns.kind}</th><th>${s.columns.status}</th><th>${s.columns.staffing}</th><th class="num">${s.columns.planned}</th><th class="num">${s.columns.present}</th></tr></thead>
<tbody>${c.checkpoints.map((r) => html`<tr><td>${data(r.name)}</td><td>${s.checkpointKind[r.kind]}</td><td>${s.checkpointStatus[r.status]}</td><td>${s.staffing[r.staffing]}</td><td class="num">${f.int(r.planned)}</td><td class="num">${f.int(r.present)}</td></tr>`)}</tbody></table>`);
}

/** A progress bar as SVG: a width in a style attribute would need 'unsafe-inline'. */
const progressBar = (pct: number): Html =>
  html`<svg class="progress" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="6" fill="#e0e0e0"/><rect width="${Math.round(pct)}" height="6" fill="#2e7d32"/></svg>`;

export function operationsSection({ m, s, f }: Ctx): Html {
  if (m.operations.length === 0) return section('operations', s.sections.operations, none(s));
  return section('operations', s.sections.operations, html`<table class="data">
<thead><tr><th>${s.columns.name}</th><th>${s.columns.kind}</th><th>${s.columns.status}</th><th>${s.period}</th><th>${s.columns.progress}</th><th>${s.columns.phases}</th><th>${s.columns.sectors}</th></tr></thead>
<tbody>${m.operations.map((o) => html`<tr><td>${data(o.name)}</td><td>${s.operationKind[o.kind]}</td><td>${s.operationStatus[o.status]}</td>
<td class="when">${f.date(o.plannedStart)} – ${f.date(o.plannedEnd)}</td>
<td class="num">${o.progressPct === null ? '' : html`${progressBar(o.progressPct)}${f.percent(o.progressPct)}`}</td>
<td>${o.phases.map((p) => html`<div>${data(p.name)}: ${f.date(p.start)} – ${p.end ? f.date(p.end) : s.phaseOpen}</div>`)}</td>
<td><ul class="sectors">${o.sectors.map((x) => html`<li>${data(x.code)} ${data(x.name)} (${s.parties[x.force]}): ${s.sectorStatus[x.status]}${s.comma}${f.percent(x.progressPct)}</li>`)}</ul></td></tr>`)}</tbody></table>`);
}

export function actionItemsSection({ m, s, f }: Ctx): Html {
  if (m.actionItems.length === 0) return section('action-items', s.sections.actionItems, none(s));
  return section('action-items', s.sections.actionItems, html`<table class="data">
<thead><tr><th>${s.columns.title}</th><th>${s.columns.owner}</th><th>${s.columns.due}</th><th>${s.columns.status}</th></tr></thead>
<tbody>${m.actionItems.map((a) => html`<tr><td>${data(a.title)}</td><td>${s.parties[a.ownerForce]}${a.ownerOffice ? html`: ${data(a.ownerOffice)}` : ''}</td>
<td class="when">${a.dueDate ? f.date(a.dueDate) : ''}${a.overdue ? html` <span class="overdue">${s.overdue}</span>` : ''}</td><td>${s.actionStatus[a.status]}</td></tr>`)}</tbody></table>`);
}
