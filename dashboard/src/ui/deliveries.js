// An alert's delivery timeline, loaded when its disclosure is opened: every notification the alert
// decided, oldest step first, as lines like "Teams to team:team-emea 10:02:01 — sent (200, 41 ms)" and
// how it ended ("acknowledged from the e-mail link by po-billing"). The list is the delivery log's
// (GET /api/v1/notifications?alertId=), authorized like the alert. While it is open and a notification
// is still waiting or being sent, it is read again every few seconds, so a retry or a send shows up.

const refreshMs = 2000;
import { get } from '../api.js';
import { h, replace } from './dom.js';
import { time, words } from './format.js';

const channelNames = { email: 'E-mail', webhook: 'Webhook', slack: 'Slack', teams: 'Teams', pager_duty: 'PagerDuty' };

function step(notification, event) {
  const outcome = event.kind === 'sent'
    ? `sent${event.statusCode ? ` (${event.statusCode}${event.latencyMs != null ? `, ${Math.round(event.latencyMs)} ms` : ''})` : ''}`
    : `${words(event.kind)}: ${event.reason}`;
  return { at: event.at, text: `${channelNames[notification.channel] ?? notification.channel} to ${notification.recipient} (${notification.contactPoint}) — ${outcome}` };
}

export function deliveryTimeline(alert) {
  const list = h('ol', { class: 'timeline', 'data-testid': 'delivery-timeline', 'aria-live': 'polite' });
  const details = h('details', { class: 'deliveries' }, h('summary', {}, 'Deliveries'), list);
  let refresh = null;
  let shown = null;
  async function load() {
    refresh = null;
    if (!details.open) return;
    try {
      const page = await get(`/api/v1/notifications?alertId=${encodeURIComponent(alert.id)}&limit=200`);
      if (!details.open) return;
      if (page.items.some((n) => n.state === 'pending' || n.state === 'sending')) refresh = setTimeout(load, refreshMs);
      const steps = page.items.flatMap((n) => n.timeline.filter((e) => e.kind !== 'decided' || n.state === 'pending').map((e) => step(n, e)))
        .sort((a, b) => a.at.localeCompare(b.at));
      if (alert.acknowledgedBy) steps.push({ at: alert.acknowledgedAt, text: `acknowledged by ${alert.acknowledgedBy}` });
      if (alert.resolvedBy) steps.push({ at: alert.resolvedAt, text: `resolved by ${alert.resolvedBy}` });
      steps.sort((a, b) => a.at.localeCompare(b.at));
      // The list is a live region: a refresh that found nothing new says nothing.
      const key = steps.map((s) => `${s.at} ${s.text}`).join('\n');
      if (key === shown) return;
      shown = key;
      replace(list, steps.length
        ? steps.map((s) => h('li', {}, h('time', { datetime: s.at }, time(s.at)), ` ${s.text}`))
        : h('li', { class: 'muted' }, 'No notifications: no rule sends this alert anywhere.'));
    } catch (error) {
      replace(list, h('li', { class: 'field-error' }, `Could not load the deliveries: ${error.message}`));
    }
  }

  details.addEventListener('toggle', () => {
    clearTimeout(refresh);
    if (!details.open) return;
    shown = null;
    replace(list, h('li', { class: 'muted' }, 'Loading…'));
    load();
  });
  return details;
}
