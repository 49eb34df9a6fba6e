// How alerts and cases look wherever they appear.
import { deliveryTimeline } from './deliveries.js';
import { h } from './dom.js';
import { countdown, dateTime, time, words } from './format.js';

export function severityBadge(severity) {
  return h('span', { class: `badge severity-${severity}` }, words(severity));
}

export function bandChip(band, score) {
  return h('span', { class: `band band-${band}` }, `${score === undefined ? '' : Number(score).toFixed(1) + ' · '}${words(band)}`);
}

export function due(at) {
  return at ? h('span', { class: 'countdown', dataset: { due: at } }, countdown(at)) : h('span', { class: 'muted' }, 'no deadline');
}

/** One alert of a feed; <paramref name="act"/> acknowledges it (omitted where the viewer only reads). */
export function alertItem(alert, act) {
  const open = alert.state !== 'resolved';
  return h('li', { class: `alert-item state-${alert.state}`, dataset: { alert: alert.id, alertCustomer: alert.customerId ?? '', alertState: alert.state } },
    h('div', { class: 'alert-head' },
      severityBadge(alert.severity),
      h('strong', {}, words(alert.type)),
      h('span', { class: 'muted' }, ` · ${time(alert.updatedAt)}`),
      alert.state !== 'raised' ? h('span', { class: 'muted' }, ` · ${alert.state}${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''}`) : null),
    h('p', { class: 'alert-message' }, alert.message),
    alert.cues?.length ? h('p', { class: 'muted' }, `Cues: ${alert.cues.join(', ')}`) : null,
    alert.candidateCauses?.length
      ? h('details', {}, h('summary', {}, `${alert.candidateCauses.length} candidate cause(s)`),
        h('ul', {}, alert.candidateCauses.map(changeItem)))
      : null,
    deliveryTimeline(alert),
    act && open && alert.state === 'raised'
      ? h('button', { type: 'button', class: 'ack', onClick: () => act(alert), 'aria-label': `Acknowledge ${words(alert.type)} alert: ${alert.message}` }, 'Acknowledge')
      : null);
}

export function changeItem(change) {
  return h('li', {}, h('time', { datetime: change.occurredAt }, dateTime(change.occurredAt)), ` · ${change.changeId}${change.product ? ` (${change.product}${change.region ? `, ${change.region}` : ''})` : ''}: ${change.description}`);
}

export function caseRow(item, customerName) {
  return h('tr', { dataset: { case: item.id } },
    h('th', { scope: 'row' }, item.id),
    h('td', {}, customerName ?? item.customerId),
    h('td', {}, severityBadge(item.severity)),
    h('td', {}, words(item.status)),
    h('td', {}, item.team ?? '–'),
    h('td', { class: `sla-${item.slaState}` }, words(item.slaState)),
    h('td', {}, due(item.nextDueAt)),
    h('td', {}, item.escalations?.length ? `level ${Math.max(...item.escalations.map((e) => e.level ?? 0))}` : '–'));
}

export function caseTable(caption) {
  return h('table', { class: 'grid' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['Case', 'Customer', 'Severity', 'Status', 'Team', 'SLA', 'Next deadline', 'Escalation'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody'));
}
