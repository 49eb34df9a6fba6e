// One customer: the full score history as a chart, the drivers of each change, the health
// components, churn factors and the customer's cases; new changes arrive by push.
import { get } from '../api.js';
import * as live from '../live.js';
import { coalescer } from '../ui/coalesce.js';
import { h, replace, section } from '../ui/dom.js';
import { dateTime, driverText, number, percent, score, words } from '../ui/format.js';
import { bandChip, caseRow, caseTable } from '../ui/items.js';
import { scoreChart } from '../ui/charts.js';

export function customerPage(root, id, { back }) {
  const heading = h('h2', { id: 'customer-title', tabindex: '-1' }, 'Customer');
  const facts = h('div', { class: 'facts' });
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Health score over time' });
  const changes = h('ol', { class: 'changes', 'data-testid': 'changes' });
  const components = h('tbody');
  const factors = h('ul');
  const cases = caseTable('The customer\'s cases');
  let chart = null;
  replace(root,
    h('p', {}, h('button', { type: 'button', class: 'link', onClick: back }, '← Back to the portfolio')),
    h('section', { class: 'panel', 'aria-labelledby': 'customer-title', 'data-testid': 'customer-page' }, heading, facts,
      h('div', { class: 'chart-box tall' }, canvas)),
    h('div', { class: 'columns' },
      section('Latest changes and their drivers', 'changes-title', changes),
      section('Health components', 'components-title',
        h('table', { class: 'grid' }, h('caption', { class: 'visually-hidden' }, 'Health components'),
          h('thead', {}, h('tr', {}, ['Component', 'Score', 'Weight'].map((c) => h('th', { scope: 'col' }, c)))), components),
        h('h3', {}, 'Churn factors'), factors)),
    section('Cases', 'cases-title', cases));

  const changeItem = (c) => h('li', {}, h('time', { datetime: c.occurredAt }, dateTime(c.occurredAt)), ` · ${words(c.kind)} · ${score(c.before)} → ${score(c.after)}`,
    c.drivers.length ? h('ul', {}, c.drivers.map((d) => h('li', {}, driverText(d)))) : null);

  async function load() {
    try {
      await show();
    } catch (error) {
      if (error.status !== 404) throw error;
      heading.textContent = 'Customer not found';
      replace(facts, h('p', { role: 'alert' }, 'There is no such customer, or it belongs to an account you do not manage.'));
      heading.focus();
    }
  }

  async function show() {
    const [view, history, caseList] = await Promise.all([
      get(`/api/v1/customers/${encodeURIComponent(id)}`),
      get(`/api/v1/customers/${encodeURIComponent(id)}/score-history?limit=200`),
      get(`/api/v1/cases?customerId=${encodeURIComponent(id)}&limit=100`),
    ]);
    const { profile, health } = view;
    heading.textContent = profile.name;
    replace(facts, bandChip(health.band, health.score),
      h('span', {}, ` ${words(profile.tier)} · ${profile.segment} · ${profile.region} · churn risk ${percent(health.churn.probability * 100)} (${words(health.churn.level)})`),
      // A source behind the score that went quiet: the score looks live but may not be.
      ...view.sources.filter((s) => s.stale).map((s) => h('p', { class: 'stale-note', 'data-testid': 'stale-source' }, s.note)));
    replace(components, health.components.map((c) => h('tr', {}, h('th', { scope: 'row' }, words(c.component)), h('td', {}, number(c.value)), h('td', {}, number(c.weight, 2)))));
    replace(factors, health.churn.factors.map((f) => h('li', {}, `${words(f.name)}: ${number(f.contribution, 3)}`)));
    replace(changes, history.items.slice(0, 20).map(changeItem));
    replace(cases.tBodies[0], caseList.items.map((c) => caseRow(c, profile.name)));
    const points = history.items.map((c) => ({ x: new Date(c.occurredAt).getTime(), y: c.after })).reverse();
    chart?.destroy();
    chart = scoreChart(canvas, points);
    heading.focus();
  }

  const apply = coalescer((u) => u.summary.id, (updates) => {
    for (const { summary, latestChange } of updates.filter((u) => u.summary.id === id)) {
      replace(facts.firstChild, `${summary.health.toFixed(1)} · ${words(summary.band)}`);
      facts.firstChild.className = `band band-${summary.band}`;
      if (latestChange && chart) {
        chart.data.datasets[0].data.push({ x: new Date(latestChange.occurredAt).getTime(), y: latestChange.after });
        chart.update('none');
        changes.prepend(changeItem(latestChange));
      }
    }
  });
  const applyCases = coalescer((c) => c.id, (list) => {
    for (const c of list.filter((x) => x.customerId === id)) {
      const row = caseRow(c, heading.textContent);
      const existing = cases.querySelector(`tr[data-case="${CSS.escape(c.id)}"]`);
      if (existing) existing.replaceWith(row);
      else cases.tBodies[0].prepend(row);
    }
  });

  const unsubscribe = [live.on(live.Pushes.CustomersChanged, apply), live.on(live.Pushes.CasesChanged, applyCases), live.onReload(load)];
  load();
  return () => {
    unsubscribe.forEach((u) => u());
    chart?.destroy();
  };
}
