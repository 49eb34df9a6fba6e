// The continuity planner's view: build a disruption scenario from the nodes customers depend on, run
// it against the live state (which it never changes), watch its progress arrive by push, read the
// results — breach timeline, health before and during, escalation load, customers in contact order —
// and compare two runs side by side.
import { get, post, request } from '../api.js';
import * as live from '../live.js';
import { token } from '../session.js';
import { coalescer } from '../ui/coalesce.js';
import { announce, h, replace, section } from '../ui/dom.js';
import { dateTime, number, words } from '../ui/format.js';
import { bandChip } from '../ui/items.js';
import { bandDistribution, breachTimeline } from '../ui/charts.js';

const pageSize = 100;
const money = (value) => Number(value ?? 0).toLocaleString(undefined, { maximumFractionDigits: 0 });
const hours = (value) => (value === undefined || value === null ? 'holds' : `${number(value, 1)} h`);
const tile = (label, value, detail) => h('article', { class: 'tile' }, h('h3', {}, label), h('p', { class: 'tile-value' }, value), detail ? h('p', { class: 'muted' }, detail) : null);
const nodeKey = (n) => `${n.type}:${n.id}`;

export function continuity(root) {
  const runs = new Map();
  let nodes = [];
  let scenarios = [];
  let shown = null;
  let charts = [];
  const builder = h('form', { class: 'builder', 'data-testid': 'scenario-builder' });
  const scenarioList = h('ul', { class: 'scenario-list', 'data-testid': 'scenarios' });
  const runBody = h('tbody');
  const results = h('div', { 'data-testid': 'run-results' });
  replace(root,
    results,
    h('div', { class: 'columns' },
      section('Build a scenario', 'builder-title', builder),
      h('div', {},
        section('Scenarios', 'scenarios-title', scenarioList),
        section('Runs', 'runs-title',
          h('table', { class: 'grid', 'data-testid': 'runs' },
            h('caption', { class: 'visually-hidden' }, 'Runs, newest first; tick two to compare them'),
            h('thead', {}, h('tr', {}, ['Compare', 'Scenario', 'Requested', 'Status', 'Affected', 'Breaching', 'Revenue at risk'].map((c) => h('th', { scope: 'col' }, c)))),
            runBody),
          h('p', {}, h('button', { type: 'button', 'data-testid': 'compare', onClick: compareTicked }, 'Compare the two ticked runs'))))));

  // ---- the scenario builder ----
  const name = h('input', { id: 'scenario-name', required: true, maxlength: 200 });
  const description = h('input', { id: 'scenario-description', maxlength: 2000 });
  const startsAt = h('input', { id: 'scenario-start', type: 'datetime-local' });
  const disruptions = h('div', { class: 'disruptions' });
  const formError = h('p', { class: 'form-error', role: 'alert' });

  function disruptionFieldset(index) {
    const legend = h('legend', {}, `Disruption ${index + 1}`);
    const nodeBoxes = h('div', { class: 'node-picker', role: 'group', 'aria-label': `Nodes of disruption ${index + 1}` },
      ['process', 'site', 'supplier', 'journey_stage'].map((type) => h('fieldset', { class: 'node-type' },
        h('legend', {}, words(type)),
        nodes.filter((n) => n.type === type).map((n) => {
          const id = `d${index}-${nodeKey(n)}`;
          return h('label', { for: id }, h('input', { type: 'checkbox', id, value: nodeKey(n), dataset: { nodeType: n.type, nodeId: n.id } }), ` ${n.name ?? n.id} (${n.customers})`);
        }))));
    const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
    const offset = h('input', { type: 'number', min: 0, step: 0.25, value: 0, name: 'offset' });
    const duration = h('input', { type: 'number', min: 0.25, step: 0.25, value: 12, required: true, name: 'duration' });
    const mode = h('select', { name: 'mode' }, h('option', { value: 'outage' }, 'Outage'), h('option', { value: 'degraded' }, 'Degraded'));
    const percent = h('input', { type: 'number', min: 1, max: 99, value: 50, name: 'percent', disabled: true });
    mode.addEventListener('change', () => { percent.disabled = mode.value !== 'degraded'; });
    const regions = h('input', { name: 'regions' });
    const products = h('input', { name: 'products' });
    const fieldset = h('fieldset', { class: 'disruption', dataset: { index } }, legend, nodeBoxes,
      h('div', { class: 'fields' },
        field('Starts after (hours)', offset), field('Lasts (hours)', duration), field('Mode', mode), field('Capacity lost (%)', percent),
        field('Only regions, comma-separated (e.g. EU, NA; empty: all)', regions), field('Only products, comma-separated (e.g. payments; empty: all)', products)));
    fieldset.read = () => ({
      nodes: [...nodeBoxes.querySelectorAll('input:checked')].map((box) => ({ type: box.dataset.nodeType, id: box.dataset.nodeId })),
      offsetHours: Number(offset.value || 0),
      durationHours: Number(duration.value),
      mode: mode.value,
      degradedPercent: mode.value === 'degraded' ? Number(percent.value) : undefined,
      regions: list(regions.value),
      products: list(products.value),
    });
    return fieldset;
  }

  const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

  function renderBuilder() {
    replace(disruptions, disruptionFieldset(0));
    replace(builder,
      h('label', { class: 'field', for: 'scenario-name' }, h('span', {}, 'Name'), name),
      h('label', { class: 'field', for: 'scenario-description' }, h('span', {}, 'Description (optional)'), description),
      h('label', { class: 'field', for: 'scenario-start' }, h('span', {}, 'Starts at (optional; empty: when run)'), startsAt),
      disruptions,
      h('p', {}, h('button', { type: 'button', onClick: () => disruptions.append(disruptionFieldset(disruptions.children.length)) }, 'Add an overlapping disruption')),
      formError,
      h('p', { class: 'actions' },
        h('button', { type: 'submit', name: 'save' }, 'Save'),
        h('button', { type: 'submit', name: 'run', 'data-testid': 'save-and-run' }, 'Save and run')));
  }

  builder.addEventListener('submit', async (event) => {
    event.preventDefault();
    const andRun = event.submitter?.name === 'run';
    const body = {
      name: name.value.trim(),
      description: description.value.trim() || undefined,
      startsAt: startsAt.value ? new Date(startsAt.value).toISOString() : undefined,
      disruptions: [...disruptions.children].map((f) => f.read()),
    };
    try {
      const scenario = await post('/api/v1/continuity/scenarios', body);
      formError.textContent = '';
      announce(`Scenario ${scenario.name} saved.`);
      await loadScenarios();
      if (andRun) await run(scenario.id);
    } catch (error) {
      const errors = error.problem?.errors ?? {};
      formError.textContent = Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ') || error.message;
    }
  });

  // ---- scenarios and runs ----
  async function loadScenarios() {
    scenarios = await get('/api/v1/continuity/scenarios');
    replace(scenarioList, scenarios.length
      ? scenarios.map((s) => h('li', { dataset: { scenario: s.id } },
        h('strong', {}, s.name),
        h('span', { class: 'muted' }, ` · ${s.disruptions.length} disruption(s), ${number(s.horizonHours, 1)} h${s.startsAt ? ` from ${dateTime(s.startsAt)}` : ''}`),
        ' ', h('button', { type: 'button', onClick: () => run(s.id) }, 'Run'),
        ' ', h('button', { type: 'button', onClick: () => remove(s) }, 'Delete')))
      : h('li', { class: 'muted' }, 'No scenarios yet.'));
  }

  async function remove(scenario) {
    await request('DELETE', `/api/v1/continuity/scenarios/${encodeURIComponent(scenario.id)}`);
    announce(`Scenario ${scenario.name} deleted.`);
    await Promise.all([loadScenarios(), loadRuns()]);
  }

  async function run(scenarioId) {
    const started = await post(`/api/v1/continuity/scenarios/${encodeURIComponent(scenarioId)}/runs`);
    runs.set(started.id, started);
    renderRuns();
    await showRun(started.id);
    reveal();
  }

  /** Brings the results to the top of the page and to screen readers' attention after the user asked for them. */
  function reveal() {
    const heading = results.querySelector('h2');
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    results.scrollIntoView({ block: 'start' });
  }

  function renderRuns() {
    const ordered = [...runs.values()].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)).slice(0, 30);
    replace(runBody, ordered.length ? ordered.map((r) => h('tr', { dataset: { run: r.id, status: r.status } },
      h('td', {}, h('input', { type: 'checkbox', class: 'compare-box', value: r.id, 'aria-label': `Compare run of ${r.scenarioName} at ${dateTime(r.requestedAt)}` })),
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onClick: () => showRun(r.id).then(reveal) }, r.scenarioName)),
      h('td', {}, dateTime(r.requestedAt)),
      h('td', {}, r.status === 'running' ? `running ${r.processed}/${r.candidates}` : words(r.status)),
      h('td', {}, String(r.affectedCustomers)),
      h('td', {}, String(r.customersBreaching)),
      h('td', {}, money(r.revenueAtRisk))))
      : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No runs yet.')));
  }

  async function loadRuns() {
    runs.clear();
    (await get('/api/v1/continuity/runs')).forEach((r) => runs.set(r.id, r));
    renderRuns();
  }

  // ---- one run's results ----
  function clearCharts() {
    charts.forEach((c) => c.destroy());
    charts = [];
  }

  async function showRun(runId) {
    shown = runId;
    const current = runs.get(runId) ?? await get(`/api/v1/continuity/runs/${encodeURIComponent(runId)}`);
    clearCharts();
    if (current.status === 'running') {
      const meter = h('progress', { max: Math.max(1, current.candidates), value: current.processed, 'aria-label': 'Customers projected' });
      replace(results, section(`Running: ${current.scenarioName}`, 'run-title',
        h('p', { 'data-testid': 'run-progress' }, meter, ` ${current.processed} of ${current.candidates} customers projected`)));
      return;
    }

    if (current.status === 'failed') {
      replace(results, section(`Run failed: ${current.scenarioName}`, 'run-title', h('p', { role: 'alert' }, current.error ?? 'The run failed.')));
      return;
    }

    const timeline = h('canvas', { role: 'img', 'aria-label': 'Recovery requirements and SLA clocks breached per hour of the disruption' });
    const bands = h('canvas', { role: 'img', 'aria-label': 'Customers per health band before, during and after the disruption' });
    const customerBody = h('tbody');
    const more = h('button', { type: 'button' }, 'Show more customers');
    replace(results,
      section(`Results: ${current.scenarioName}`, 'run-title',
        h('p', { class: 'muted' }, `Disruption from ${dateTime(current.disruptionStart)} to ${dateTime(current.disruptionEnd)} · run ${dateTime(current.requestedAt)} by ${current.requestedBy} in ${number(current.elapsedMilliseconds, 0)} ms`),
        h('div', { class: 'tiles', 'data-testid': 'run-tiles' },
          tile('Customers affected', String(current.affectedCustomers), `of ${current.candidates} depending on a disrupted node`),
          tile('Recovery breached', String(current.customersBreaching), `${current.criticalCustomersBreaching} of them critical`),
          tile('Revenue at risk', money(current.revenueAtRisk)),
          tile('SLA breaches', String(current.slaBreaches)),
          tile('Escalations', String(current.escalationLoad.reduce((sum, l) => sum + l.total, 0)), `to ${current.escalationLoad.length} owners, teams and leadership`)),
        h('p', {}, h('button', { type: 'button', 'data-testid': 'export-csv', onClick: () => exportCsv(current) }, 'Export customers as CSV'))),
      h('div', { class: 'columns' },
        section('Breach timeline', 'timeline-title', h('div', { class: 'chart-box' }, timeline)),
        section('Projected health', 'bands-title', h('div', { class: 'chart-box' }, bands))),
      h('div', { class: 'columns' },
        section('Escalation load', 'load-title', loadTable(current)),
        section('Revenue at risk by account', 'accounts-title', accountTable(current))),
      section('Whom to call first', 'contacts-title',
        h('table', { class: 'grid', 'data-testid': 'impact-customers' },
          h('caption', { class: 'visually-hidden' }, 'Affected customers in contact order'),
          h('thead', {}, h('tr', {}, ['#', 'Customer', 'Account', 'Criticality', 'Breach after', 'Health now → during', 'SLA breaches', 'Revenue at risk', 'Escalation path'].map((c) => h('th', { scope: 'col' }, c)))),
          customerBody),
        h('p', {}, more)));
    charts = [breachTimeline(timeline, current.timeline), bandDistribution(bands, current)];
    let offset = 0;
    const nextPage = async () => {
      const page = await get(`/api/v1/continuity/runs/${encodeURIComponent(runId)}/customers?offset=${offset}&limit=${pageSize}`);
      customerBody.append(...page.items.map(impactRow));
      offset += page.items.length;
      more.hidden = offset >= page.total;
    };
    more.addEventListener('click', nextPage);
    await nextPage();
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

  // ---- two runs side by side ----
  async function compareTicked() {
    const ticked = [...runBody.querySelectorAll('.compare-box:checked')].map((box) => box.value);
    if (ticked.length !== 2) {
      announce('Tick exactly two runs to compare.');
      return;
    }

    shown = null;
    clearCharts();
    const c = await get(`/api/v1/continuity/compare?a=${encodeURIComponent(ticked[0])}&b=${encodeURIComponent(ticked[1])}&limit=200`);
    const line = (label, a, b, format = String) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, format(a)), h('td', {}, format(b)), h('td', {}, typeof a === 'number' ? signed(b - a, format) : ''));
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
    reveal();
  }

  const signed = (value, format) => `${value > 0 ? '+' : ''}${format(value)}`;

  // ---- pushes ----
  const applyRuns = coalescer((r) => r.id, (changed) => {
    for (const r of changed) {
      const known = runs.get(r.id);
      if (known && known.status !== 'running' && r.status === 'running') continue;
      runs.set(r.id, r);
      if (r.id === shown && (r.status !== 'running' || known?.status === 'running')) showRun(r.id);
      if (r.status === 'completed' && known?.status === 'running') announce(`Run of ${r.scenarioName} completed: ${r.customersBreaching} customers breach their recovery requirement.`);
    }
    renderRuns();
  });

  async function load() {
    nodes = await get('/api/v1/continuity/nodes');
    renderBuilder();
    await Promise.all([loadScenarios(), loadRuns()]);
  }

  const unsubscribe = [live.on('ContinuityRunChanged', applyRuns), live.onReload(() => Promise.all([loadScenarios(), loadRuns()]))];
  load();
  return () => {
    unsubscribe.forEach((u) => u());
    clearCharts();
  };
}
