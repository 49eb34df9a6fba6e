// Two runs side by side: the totals with their difference, and the customers whose projection differs.
import { get } from '../../api.js';
import { h, replace, section } from '../../ui/dom.js';
import { dateTime, words } from '../../ui/format.js';
import { hours, money } from './parts.js';

const signed = (value, format) => `${value > 0 ? '+' : ''}${format(value)}`;

export async function showComparison(results, a, b) {
  const c = await get(`/api/v1/continuity/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&limit=200`);
  const line = (label, x, y, format = String) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, format(x)), h('td', {}, format(y)), h('td', {}, typeof x === 'number' ? signed(y - x, format) : ''));
  replace(results,
    section('Runs compared', 'compare-title',
      h('table', { class: 'grid', 'data-testid': 'comparison' },
        h('caption', { class: 'visually-hidden' }, 'Two runs side by side'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, `A: ${c.a.scenarioName} (${dateTime(c.a.requestedAt)})`), h('th', { scope: 'col' }, `B: ${c.b.scenarioName} (${dateTime(c.b.requestedAt)})`), h('th', { scope: 'col' }, 'B − A'))),
        h('tbody', {},
          line('Customers affected', c.a.affectedCustomers, c.b.affectedCustomers),
          line('Recovery breached', c.a.customersBreaching, c.b.customersBreaching),
          line('Critical customers breaching', c.a.criticalCustomersBreaching, c.b.criticalCustomersBreaching),
          line('Revenue at risk', c.a.revenueAtRisk, c.b.revenueAtRisk, money),
          line('SLA breaches', c.a.slaBreaches, c.b.slaBreaches),
          line('Critical during (customers)', c.a.healthDuring.critical, c.b.healthDuring.critical)))),
    section(`Customers that differ (${c.customersDiffering})`, 'differ-title',
      h('table', { class: 'grid', 'data-testid': 'comparison-customers' },
        h('caption', { class: 'visually-hidden' }, 'Customers whose projection differs between the two runs'),
        h('thead', {}, h('tr', {}, ['Customer', 'Breach after (A)', 'Breach after (B)', 'Band during (A)', 'Band during (B)', 'At risk (A)', 'At risk (B)'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, c.customers.map((d) => h('tr', { dataset: { customer: d.customerId } },
          h('th', { scope: 'row' }, d.name), h('td', {}, hours(d.breachAfterHoursA)), h('td', {}, hours(d.breachAfterHoursB)),
          h('td', {}, words(d.bandDuringA ?? '–')), h('td', {}, words(d.bandDuringB ?? '–')), h('td', {}, money(d.revenueAtRiskA)), h('td', {}, money(d.revenueAtRiskB))))))));
}
