// The notifications area's contact points as their endpoints fare: enabled or not, the last day's
// sent, failed and waiting notifications, the last failure and why — and a test message to each, with
// what its receiver answered.
import { get, post } from '../../api.js';
import { announce, h, replace, section } from '../../ui/dom.js';
import { dateTime, words } from '../../ui/format.js';

function row(endpoint, test) {
  const result = h('span', { class: 'muted', 'data-testid': 'test-result' });
  const button = h('button', { type: 'button', disabled: !endpoint.kind, 'aria-label': `Send test to ${endpoint.contactPoint}` }, 'Send test');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.textContent = 'Sending…';
    try {
      const answer = await test(endpoint.contactPoint);
      result.textContent = `${answer.delivered ? 'Delivered' : 'Not delivered'}: ${answer.reason}${answer.statusCode ? ` (${answer.statusCode})` : ''}, ${Math.round(answer.latencyMs)} ms`;
      announce(result.textContent);
    } catch (error) {
      result.textContent = `Could not send: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('tr', { dataset: { endpoint: endpoint.contactPoint } },
    h('th', { scope: 'row' }, endpoint.contactPoint),
    h('td', {}, endpoint.kind ? words(endpoint.kind) : 'not configured'),
    h('td', {}, endpoint.enabled ? 'enabled' : 'disabled'),
    h('td', {}, String(endpoint.sent)),
    h('td', {}, String(endpoint.failed)),
    h('td', {}, String(endpoint.waiting)),
    h('td', {}, endpoint.lastSentAt ? dateTime(endpoint.lastSentAt) : '–'),
    h('td', {}, endpoint.lastFailure ? `${dateTime(endpoint.lastFailedAt)}: ${endpoint.lastFailure}` : '–'),
    h('td', {}, button, ' ', result));
}

export async function endpointHealth(root) {
  const endpoints = await get('/api/v1/notifications/endpoints');
  const test = (contactPoint) => post('/api/v1/notifications/test', { contactPoint });
  replace(root, section('Endpoints', 'endpoints-title',
    endpoints.length
      ? h('table', { class: 'grid', 'data-testid': 'endpoint-health' },
        h('caption', {}, 'Contact points over the last day'),
        h('thead', {}, h('tr', {}, ['Contact point', 'Kind', 'State', 'Sent', 'Failed', 'Waiting', 'Last sent', 'Last failure', 'Test'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, endpoints.map((e) => row(e, test))))
      : h('p', { class: 'muted' }, 'No contact points yet: add one to the document above, preview and save.')));
}
