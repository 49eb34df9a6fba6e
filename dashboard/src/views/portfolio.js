// The account manager's portfolio: the alerts addressed to them (acknowledge from the feed), their
// accounts' roll-ups (moving by push as their customers do) and every customer with live
// health, a trend sparkline, what drove the latest change, churn risk and open cases with SLA countdowns.
import { eachLimited, get } from '../api.js';
import * as live from '../live.js';
import { coalescer } from '../ui/coalesce.js';
import { liveCollection } from '../ui/collection.js';
import { h, replace, section } from '../ui/dom.js';
import { driverText, percent, score, words } from '../ui/format.js';
import { alertFeed } from '../ui/feed.js';
import { bandChip, due } from '../ui/items.js';
import { pushSparkline, sparkline } from '../ui/charts.js';

const sparklinesLoaded = 120;
const accountCardsShown = 40;

export function portfolio(root, { openCustomer }) {
  const customers = new Map();
  const rows = new Map();
  const sparks = new Map();
  const openCases = liveCollection((open, x) => (x.status === 'resolved' || x.status === 'closed' ? open.delete(x.id) : open.set(x.id, x)));
  const accounts = new Map();
  const accountCards = h('div', { class: 'cards', 'data-testid': 'accounts' });
  const feed = h('ul', { class: 'feed', tabindex: '0', 'data-testid': 'portfolio-alerts', 'aria-label': 'Open alerts for my accounts, newest first' });
  const body = h('tbody');
  const summary = h('p', { class: 'muted' });
  replace(root,
    section('Alerts', 'portfolio-alerts-title', feed),
    section('Accounts', 'accounts-title', accountCards),
    section('Customers', 'customers-title', summary,
      h('table', { class: 'grid', 'data-testid': 'portfolio' },
        h('caption', { class: 'visually-hidden' }, 'Customers, least healthy first'),
        h('thead', {}, h('tr', {}, ['Customer', 'Account', 'Health', 'Trend', 'Latest change', 'Churn risk', 'Open cases'].map((c) => h('th', { scope: 'col' }, c)))),
        body)));

  function accountCard(id, name, rollup) {
    return h('article', { class: 'card', dataset: { account: id } },
      h('h3', {}, name), bandChip(rollup.band, rollup.health),
      h('p', { class: 'muted' }, `${rollup.customerCount} customers · revenue at risk ${Number(rollup.revenueAtRisk).toLocaleString()}`));
  }

  async function showAccount(a) {
    const view = await get(`/api/v1/accounts/${encodeURIComponent(a.id)}`);
    accountCards.append(accountCard(a.id, a.name, view.rollup));
  }

  // A card that is shown moves with its account's pushed roll-up.
  const applyAccounts = coalescer((a) => a.id, (updates) => {
    for (const a of updates) accountCards.querySelector(`[data-account="${CSS.escape(a.id)}"]`)?.replaceWith(accountCard(a.id, a.name, a.rollup));
  });

  function row(c) {
    const canvas = h('canvas', { width: 100, height: 24, role: 'img', 'aria-label': `Health trend of ${c.name}` });
    const tr = h('tr', { dataset: { customer: c.id, account: c.accountId } },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onClick: () => openCustomer(c.id) }, c.name)),
      h('td', {}, accounts.get(c.accountId)?.name ?? c.accountId),
      h('td', { class: 'health' }),
      h('td', {}, canvas),
      h('td', { class: 'drivers' }, '–'),
      h('td', { class: 'churn' }),
      h('td', { class: 'cases' }));
    tr.canvas = canvas;
    return tr;
  }

  function fill(tr, c) {
    replace(tr.querySelector('.health'), bandChip(c.band, c.health));
    replace(tr.querySelector('.churn'), `${percent(c.churnProbability * 100)} · ${words(c.churnLevel)}`);
    const cases = [...openCases.items.values()].filter((x) => x.customerId === c.id).sort((a, b) => (a.nextDueAt ?? '9').localeCompare(b.nextDueAt ?? '9'));
    replace(tr.querySelector('.cases'), cases.length ? [`${cases.length} · `, due(cases[0].nextDueAt)] : '–');
  }

  function showDrivers(id, change) {
    const tr = rows.get(id);
    if (!tr || !change) return;
    replace(tr.querySelector('.drivers'), `${score(change.before)} → ${score(change.after)}: `, change.drivers.slice(0, 3).map(driverText).join('; ') || words(change.kind));
  }

  function upsert(c) {
    customers.set(c.id, c);
    let tr = rows.get(c.id);
    if (!tr) {
      tr = row(c);
      rows.set(c.id, tr);
      body.append(tr);
    }

    fill(tr, c);
    return tr;
  }

  async function load() {
    const accountList = await get('/api/v1/accounts');
    accountList.forEach((a) => accounts.set(a.id, a));
    const [page] = await Promise.all([get('/api/v1/customers?limit=500'), openCases.reload(async () => (await get('/api/v1/cases?open=true&limit=500')).items)]);
    summary.textContent = page.total > page.items.length ? `The ${page.items.length} least healthy of ${page.total} customers.` : `${page.total} customers, least healthy first.`;
    page.items.forEach(upsert);
    await eachLimited(accountList.slice(0, accountCardsShown), 4, showAccount);
    await eachLimited(page.items.slice(0, sparklinesLoaded), 6, async (c) => {
      const history = await get(`/api/v1/customers/${encodeURIComponent(c.id)}/score-history?limit=30`);
      const tr = rows.get(c.id);
      if (!tr || sparks.has(c.id)) return;
      const points = history.items.map((x) => x.after).reverse();
      sparks.set(c.id, sparkline(tr.canvas, points.length ? points : [c.health]));
      showDrivers(c.id, history.items[0]);
    });
  }

  const applyCustomers = coalescer((u) => u.summary.id, (updates) => {
    for (const { summary: c, latestChange } of updates) {
      const tr = upsert(c);
      tr.classList.remove('changed');
      void tr.offsetWidth;
      tr.classList.add('changed');
      if (sparks.has(c.id)) pushSparkline(sparks.get(c.id), c.health);
      else sparks.set(c.id, sparkline(tr.canvas, [c.health]));
      showDrivers(c.id, latestChange);
    }
  });

  const applyCases = coalescer((x) => x.id, (cases) => {
    openCases.apply(cases);
    const touched = new Set(cases.map((x) => x.customerId));
    for (const id of touched) if (customers.has(id)) fill(rows.get(id), customers.get(id));
  });

  const disposeFeed = alertFeed(feed, { load: () => get('/api/v1/alerts?state=raised&limit=100') });
  const unsubscribe = [live.on(live.Pushes.CustomersChanged, applyCustomers), live.on(live.Pushes.CasesChanged, applyCases), live.on(live.Pushes.AccountsChanged, applyAccounts), live.onReload(() => { replace(accountCards); load(); })];
  load();
  return () => {
    disposeFeed();
    unsubscribe.forEach((u) => u());
    sparks.forEach((chart) => chart.destroy());
  };
}
