// The admin console: configuration areas as forms (SLA policies and calendars, the organisation,
// the health model, alert thresholds, and any area added later), errors at their fields, the
// preview of what a change would do before it can be saved, and each area's history with restore.
import { get, post, request } from '../../api.js';
import { announce, h, replace, section } from '../../ui/dom.js';
import { dateTime, words } from '../../ui/format.js';
import { alertFeed } from '../../ui/feed.js';
import { endpointHealth } from './endpoints.js';
import { documentForm, showErrors } from './form.js';
import { historyList } from './history.js';
import { previewPanel } from './preview.js';

export function admin(root) {
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Configuration areas' });
  const status = h('p', { class: 'muted', 'data-testid': 'config-status' });
  const formRoot = h('div', { 'data-testid': 'config-form' });
  const problems = h('ul', { class: 'field-error', 'data-testid': 'config-problems' });
  const reason = h('input', { id: 'config-reason', type: 'text', placeholder: 'what changes and why' });
  const previewButton = h('button', { type: 'button', 'data-testid': 'config-preview-button' }, 'Preview the change');
  const saveButton = h('button', { type: 'button', 'data-testid': 'config-save', disabled: true }, 'Save');
  const previewRoot = h('div');
  const historyRoot = h('div');
  const endpointsRoot = h('div', { 'data-testid': 'notification-endpoints' });
  // What needs an operator now (a notification endpoint disabled, say), above whatever area is open.
  const operational = h('ul', { class: 'feed', tabindex: '0', 'data-testid': 'operational-alerts', 'aria-label': 'Open operational alerts, newest first' });
  const forOperators = (alert) => alert.audiences.some((a) => a.group === 'operators');
  const disposeFeed = alertFeed(operational, { load: () => get('/api/v1/alerts?audience=operators&limit=50'), admits: forOperators });
  replace(root, section('Operational alerts', 'operational-title', operational), h('div', { class: 'columns' },
    h('div', {}, section('Configuration', 'config-title', tabs, status, formRoot, problems,
      h('p', {}, h('label', { for: 'config-reason' }, 'Reason '), reason),
      h('p', {}, previewButton, ' ', saveButton), previewRoot, endpointsRoot)),
    h('div', {}, section('History', 'config-history-title', historyRoot))));

  let area = null;
  let version = 0;
  let doc = null;
  let previewed = false;
  let disposed = false;

  const edited = () => {
    previewed = false;
    saveButton.disabled = true;
    replace(previewRoot);
  };

  function failed(error) {
    const unplaced = showErrors(formRoot, error.problem?.errors);
    replace(problems, [...unplaced, ...(error.problem?.errors ? [] : [error.message])].map((m) => h('li', {}, m)));
    announce(`Not saved: ${error.message}`);
  }

  async function open(name) {
    area = name;
    for (const tab of tabs.children) tab.setAttribute('aria-selected', String(tab.dataset.area === name));
    const [current, history] = await Promise.all([get(`/api/v1/config/${name}`), get(`/api/v1/config/${name}/history?limit=20`)]);
    if (disposed) return;
    version = current.version;
    doc = current.document;
    status.textContent = `Version ${current.version} by ${current.author}, ${dateTime(current.at)}${current.reason ? ` — ${current.reason}` : ''}`;
    documentForm(formRoot, doc, edited);
    replace(problems);
    edited();
    replace(historyRoot, historyList(history.items, version, restore));
    if (name === 'notifications') await endpointHealth(endpointsRoot);
    else replace(endpointsRoot);
  }

  previewButton.addEventListener('click', async () => {
    replace(problems);
    try {
      const preview = await post(`/api/v1/config/${area}/preview`, { document: doc });
      showErrors(formRoot, {});
      replace(previewRoot, previewPanel(preview));
      previewed = true;
      saveButton.disabled = false;
    } catch (error) {
      failed(error);
    }
  });

  saveButton.addEventListener('click', async () => {
    if (!previewed) return;
    saveButton.disabled = true;
    try {
      const written = await request('PUT', `/api/v1/config/${area}`, { document: doc, reason: reason.value || undefined }, { 'If-Match': `"${version}"` });
      announce(written.changed ? `Saved as version ${written.version.version}, in force on ${written.appliedOn} of ${written.silos} servers.` : 'Nothing changed.');
      reason.value = '';
      await open(area);
    } catch (error) {
      if (error.status === 412) {
        replace(problems, h('li', {}, 'Someone saved a newer version since you opened this area. ', h('button', { type: 'button', class: 'link', onClick: () => open(area) }, 'Load it'), ' and make your change again.'));
      } else {
        failed(error);
        saveButton.disabled = false;
      }
    }
  });

  async function restore(restored, why) {
    try {
      await request('POST', `/api/v1/config/${area}/rollback/${restored}`, { reason: why || undefined }, { 'If-Match': `"${version}"` });
      announce(`Version ${restored} restored.`);
      await open(area);
    } catch (error) {
      failed(error);
    }
  }

  get('/api/v1/config').then((areas) => {
    replace(tabs, areas.map((a) => h('button', { type: 'button', role: 'tab', dataset: { area: a.area }, onClick: () => open(a.area) }, words(a.area.replace('-', '_')))));
    return open(areas.find((a) => a.area === 'sla')?.area ?? areas[0].area);
  });
  return () => { disposed = true; disposeFeed(); };
}
