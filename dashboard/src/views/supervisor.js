// The supervisor's desk: the live alert feed with acknowledge and an optional sound, the live chats
// and calls in progress with their frustration, and the open cases nearest to breach.
import { get } from '../api.js';
import * as live from '../live.js';
import { coalescer, newest } from '../ui/coalesce.js';
import { liveCollection } from '../ui/collection.js';
import { h, replace, section } from '../ui/dom.js';
import { score, time } from '../ui/format.js';
import { caseRow, caseTable } from '../ui/items.js';
import { alertFeed } from '../ui/feed.js';
import { setSound, soundEnabled } from '../ui/sound.js';

export function supervisor(root) {
  const feed = h('ul', { class: 'feed', tabindex: '0', 'data-testid': 'alert-feed', 'aria-label': 'Open alerts, newest first' });
  const conversations = h('tbody');
  const cases = caseTable('Open cases, nearest deadline first');
  cases.dataset.testid = 'near-breach';
  const sound = h('input', { type: 'checkbox', id: 'sound', checked: soundEnabled(), onChange: (e) => setSound(e.target.checked) });
  replace(root, h('div', { class: 'columns' },
    section('Alerts', 'alerts-title', h('p', {}, h('label', { for: 'sound' }, sound, ' Play a sound for new alerts')), feed),
    h('div', {},
      section('Live conversations', 'conversations-title',
        h('table', { class: 'grid', 'data-testid': 'conversations' }, h('caption', { class: 'visually-hidden' }, 'Live chats and calls, most frustrated first'),
          h('thead', {}, h('tr', {}, ['Conversation', 'Customer', 'Team', 'Frustration', 'Health', 'Last message'].map((c) => h('th', { scope: 'col' }, c)))),
          conversations)),
      section('Cases near breach', 'cases-title', cases))));

  const disposeFeed = alertFeed(feed, { load: () => get('/api/v1/alerts?state=raised&limit=100') });

  const conversationsOpen = liveCollection((open, c) => (c.ended ? open.delete(c.id) : open.set(c.id, c)));
  function renderConversations() {
    const list = [...conversationsOpen.items.values()].sort((a, b) => b.frustrated - a.frustrated || b.lastMessageAt.localeCompare(a.lastMessageAt));
    replace(conversations, list.length ? list.map((c) => h('tr', { dataset: { conversation: c.id } },
      h('th', { scope: 'row' }, c.id),
      h('td', {}, c.customerName),
      h('td', {}, c.team),
      h('td', {}, h('meter', { min: 0, max: 5, low: 1, high: 3, optimum: 0, value: Math.min(5, c.frustrated), 'aria-label': `Frustration ${c.frustrated}` }), ` ${c.frustrated}${c.cues.length ? ` (${c.cues.join(', ')})` : ''}`),
      h('td', {}, score(c.customerHealth)),
      h('td', {}, time(c.lastMessageAt)))) : h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No live conversations.')));
  }

  const applyConversation = coalescer((c) => c.id, (changes) => {
    conversationsOpen.apply(changes);
    renderConversations();
  });

  const openCases = liveCollection(newest);
  function renderCases() {
    const list = [...openCases.items.values()].filter((c) => c.status !== 'resolved' && c.status !== 'closed' && c.nextDueAt)
      .sort((a, b) => a.nextDueAt.localeCompare(b.nextDueAt)).slice(0, 50);
    replace(cases.tBodies[0], list.map((c) => caseRow(c)));
  }

  const applyCases = coalescer((c) => c.id, (changes) => {
    openCases.apply(changes);
    renderCases();
  });

  async function load() {
    await Promise.all([
      conversationsOpen.reload(() => get('/api/v1/interactions/live')),
      openCases.reload(async () => (await get('/api/v1/cases?open=true&limit=200')).items),
    ]);
    renderConversations();
    renderCases();
  }

  const unsubscribe = [live.on(live.Pushes.InteractionChanged, applyConversation), live.on(live.Pushes.CasesChanged, applyCases), live.onReload(load)];
  load();
  return () => {
    disposeFeed();
    unsubscribe.forEach((u) => u());
  };
}
