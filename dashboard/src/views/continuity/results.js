// One run's results: its progress while it runs, then the tiles, the breach timeline and projected
// health, the escalation load, revenue at risk by account, and the customers in contact order (paged),
// with the CSV export.
import { get } from '../../api.js';
import { token } from '../../session.js';
import { h, replace, section } from '../../ui/dom.js';
import { bandDistribution, breachTimeline } from '../../ui/charts.js';
import { dateTime, number, words } from '../../ui/format.js';
import { bandChip } from '../../ui/items.js';
import { hours, money, pageSize, tile } from './parts.js';

/** Renders <c>run</c> into <c>results</c>; returns the charts it drew, for the caller to destroy. */
export async function showResults(results, run) {
  if (run.status === 'running') {
    const meter = h('progress', { max: Math.max(1, run.candidates), value: run.processed, 'aria-label': 'Customers projected' });
    replace(results, section(`Running: ${run.scenarioName}`, 'run-title',
      h('p', { 'data-testid': 'run-progress' }, meter, ` ${run.processed} of ${run.candidates} customers projected`)));
    return [];
  }

  if (run.status === 'failed') {
    replace(results, section(`Run failed: ${run.scenarioName}`, 'run-title', h('p', { role: 'alert' }, run.error ?? 'The run failed.')));
    return [];
  }

  const timeline = h('canvas', { role: 'img', 'aria-label': 'Recovery requirements and SLA clocks breached per hour of the disruption' });
  const bands = h('canvas', { role: 'img', 'aria-label': 'Customers per health band before, during and after the disruption' });
  const customerBody = h('tbody');
  const more = h('button', { type: 'button' }, 'Show more customers');
  replace(results,
    section(`Results: ${run.scenarioName}`, 'run-title',
      h('p', { class: 'muted' }, `Disruption from ${dateTime(run.disruptionStart)} to ${dateTime(run.disruptionEnd)} · run ${dateTime(run.requestedAt)} by ${run.requestedBy} in ${number(run.elapsedMilliseconds, 0)} ms`),
      h('div', { class: 'tiles', 'data-testid': 'run-tiles' },
        tile('Customers affected', String(run.affectedCustomers), `of ${run.candidates} depending on a disrupted node`),
        tile('Recovery breached', String(run.customersBreaching), `${run.criticalCustomersBreaching} of them critical`),
        tile('Revenue at risk', money(run.revenueAtRisk)),
        tile('SLA breaches', String(run.slaBreaches)),
        tile('Escalations', String(run.escalationLoad.reduce((sum, l) => sum + l.total, 0)), `to ${run.escalationLoad.length} owners, teams and leadership`)),
      h('p', {}, h('button', { type: 'button', 'data-testid': 'export-csv', onClick: () => exportCsv(run) }, 'Export customers as CSV'))),
    h('div', { class: 'columns' },
      section('Breach timeline', 'timeline-title', h('div', { class: 'chart-box' }, timeline)),
      section('Projected health', 'bands-title', h('div', { class: 'chart-box' }, bands))),
    h('div', { class: 'columns' },
      section('Escalation load', 'load-title', loadTable(run)),
      section('Revenue at risk by account', 'accounts-title', accountTable(run))),
    section('Whom to call first', 'contacts-title',
      h('table', { class: 'grid', 'data-testid': 'impact-customers' },
        h('caption', { class: 'visually-hidden' }, 'Affected customers in contact order'),
        h('thead', {}, h('tr', {}, ['#', 'Customer', 'Account', 'Criticality', 'Breach after', 'Health now → during', 'SLA breaches', 'Revenue at risk', 'Escalation path'].map((c) => h('th', { scope: 'col' }, c)))),
        customerBody),
      h('p', {}, more)));
  const charts = [breachTimeline(timeline, run.timeline), bandDistribution(bands, run)];
  let offset = 0;
  const nextPage = async () => {
    const page = await get(`/api/v1/continuity/runs/${encodeURIComponent(run.id)}/customers?offset=${offset}&limit=${pageSize}`);
    customerBody.append(...page.items.map(impactRow));
    offset += page.items.length;
    more.hidden = offset >= page.total;
  };
  more.addEventListener('click', nextPage);
  await nextPage();
  return charts;
}

function impactRow(row) {
  const i = row.impact;
  const contact = i.contacts[0];
  const path = [contact ? `${contact.name} (${contact.role})${contact.phone ? ` ${contact.phone}` : ''}${contact.email ? ` ${contact.email}` : ''}` : null,
    row.accountManager ? `account manager ${row.accountManager}` : null, ...i.processOwners.map((o) => `owner ${o}`)].filter(Boolean);
  return h('tr', { dataset: { customer: i.customerId, rank: row.rank } },
    h('td', {}, String(row.rank)),
    h('th', { scope: 'row' }, i.name),
    h('td', {}, i.accountId),
    h('td', {}, `${words(i.criticality)} · ${words(i.tier)}`),
    h('td', { class: i.breachAfterHours === undefined || i.breachAfterHours === null ? '' : 'sla-breached' }, hours(i.breachAfterHours)),
    h('td', {}, bandChip(i.bandBefore, i.healthBefore), ' → ', bandChip(i.bandDuring, i.healthDuring)),
    h('td', {}, String(i.slaBreachCount)),
    h('td', {}, money(i.revenueAtRisk)),
    h('td', {}, path.join(' · ') || '–'));
}

function loadTable(run) {
  return h('table', { class: 'grid', 'data-testid': 'escalation-load' },
    h('caption', { class: 'visually-hidden' }, 'Escalations per owner, team and leadership'),
    h('thead', {}, h('tr', {}, ['Audience', 'Escalations', 'Busiest hour'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, run.escalationLoad.length ? run.escalationLoad.slice(0, 20).map((l) => {
      const peak = l.perHour.indexOf(Math.max(...l.perHour));
      return h('tr', {}, h('th', { scope: 'row' }, l.audience), h('td', {}, String(l.total)), h('td', {}, `h${peak + 1}: ${l.perHour[peak]}`));
    }) : h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'No escalations.'))));
}

function accountTable(run) {
  return h('table', { class: 'grid' },
    h('caption', { class: 'visually-hidden' }, 'Accounts by revenue at risk'),
    h('thead', {}, h('tr', {}, ['Account', 'Customers', 'Breaching', 'Revenue at risk'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, run.accounts.slice(0, 15).map((a) => h('tr', {}, h('th', { scope: 'row' }, a.name ?? a.accountId), h('td', {}, String(a.customers)), h('td', {}, String(a.breaching)), h('td', {}, money(a.revenueAtRisk))))));
}

/** The export needs the bearer token, so it is fetched and handed to the browser as a file. */
async function exportCsv(run) {
  const response = await fetch(`/api/v1/continuity/runs/${encodeURIComponent(run.id)}/customers.csv`, { headers: { Authorization: `Bearer ${token()}` } });
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: `${run.id}-customers.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
