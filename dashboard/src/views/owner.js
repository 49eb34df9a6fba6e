// The process owner's view: their escalated cases, the complaint themes escalated to them with
// counts and windows, and the recent system changes that may have caused them; theme statistics
// and system changes move by push.
import { get } from '../api.js';
import * as live from '../live.js';
import { coalescer, newest } from '../ui/coalesce.js';
import { liveCollection } from '../ui/collection.js';
import { h, replace, section } from '../ui/dom.js';
import { changeItem, caseRow, caseTable } from '../ui/items.js';
import { alertFeed } from '../ui/feed.js';

const isEscalated = (c) => c.escalations?.length > 0 || c.slaState === 'breached';

const ownerCard = (o) => h('article', { class: 'card', dataset: { owner: o.id } },
  h('h3', {}, o.name),
  h('p', { class: 'muted', 'data-testid': 'owner-volume' }, `${o.complaintsLastHour} complaints in the last hour, ${o.complaintsLast24Hours} in 24 h · ${o.openEscalations} open escalations`),
  h('ul', {}, o.themes.slice(0, 6).map((t) => h('li', {}, `${t.code} · ${t.region} · ${t.product}: ${t.lastHour} in the last hour, ${t.last24Hours} in 24 h`))));

export function owner(root, { user }) {
  const themes = h('ul', { class: 'feed', tabindex: '0', 'data-testid': 'theme-escalations', 'aria-label': 'Theme escalations' });
  const cases = caseTable('Escalated cases, nearest deadline first');
  const owners = h('div', { class: 'cards' });
  const changes = h('ul', { class: 'changes', 'data-testid': 'system-changes' });
  replace(root, h('div', { class: 'columns' },
    h('div', {}, section('Theme escalations', 'themes-title', themes), section('Candidate causes: recent system changes', 'changes-title', changes)),
    h('div', {}, section('Themes by process', 'owners-title', owners), section('Escalated cases', 'escalated-title', cases))));

  const mine = (alert) => alert.type === 'theme_escalation' || alert.type === 'change_correlation' || alert.type === 'ownership_gap';
  const disposeFeed = alertFeed(themes, { load: () => get('/api/v1/alerts?type=theme_escalation&limit=100'), admits: mine });

  const escalated = liveCollection(newest);
  function renderCases() {
    const list = [...escalated.items.values()].filter((c) => isEscalated(c) && c.status !== 'resolved' && c.status !== 'closed')
      .sort((a, b) => (a.nextDueAt ?? '9').localeCompare(b.nextDueAt ?? '9')).slice(0, 100);
    replace(cases.tBodies[0], list.length ? list.map((c) => caseRow(c)) : h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No escalated cases.')));
  }

  const applyCases = coalescer((c) => c.id, (changed) => {
    escalated.apply(changed);
    renderCases();
  });

  async function load() {
    const ownerQuery = user.owner ? `&processOwner=${encodeURIComponent(user.owner)}` : '';
    const [, ownerList, recent] = await Promise.all([
      escalated.reload(async () => (await get(`/api/v1/cases?open=true&limit=500${ownerQuery}`)).items),
      get('/api/v1/process-owners'),
      get('/api/v1/system-changes'),
    ]);
    renderCases();
    replace(owners, ownerList.map(ownerCard));
    recentChanges = recent;
    renderChanges();
  }

  let recentChanges = [];
  function renderChanges() {
    replace(changes, recentChanges.length ? recentChanges.slice(0, 15).map(changeItem) : h('li', { class: 'muted' }, 'No recent system changes.'));
  }

  const applyOwners = coalescer((o) => o.id, (changed) => {
    for (const o of changed) owners.querySelector(`[data-owner="${CSS.escape(o.id)}"]`)?.replaceWith(ownerCard(o));
  });

  const unsubscribe = [
    live.on(live.Pushes.CasesChanged, applyCases),
    live.on(live.Pushes.ProcessOwnersChanged, applyOwners),
    live.on(live.Pushes.SystemChangeRecorded, (change) => {
      recentChanges = [change, ...recentChanges.filter((c) => c.eventId !== change.eventId)].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
      renderChanges();
    }),
    live.onReload(load),
  ];
  load();
  return () => {
    disposeFeed();
    unsubscribe.forEach((u) => u());
  };
}
