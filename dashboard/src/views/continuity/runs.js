// The saved scenarios (run, delete) and the runs, newest first, with their progress as it is pushed;
// two ticked runs can be compared.
import { get, post, request } from '../../api.js';
import { announce, h, replace } from '../../ui/dom.js';
import { dateTime, number, words } from '../../ui/format.js';
import { money } from './parts.js';

/** The scenario list and the run table; <c>show(runId)</c> opens a run, <c>compare(a, b)</c> two. */
export function runList({ show, compare }) {
  const runs = new Map();
  const scenarioList = h('ul', { class: 'scenario-list', 'data-testid': 'scenarios' });
  const runBody = h('tbody');
  const runTable = h('table', { class: 'grid', 'data-testid': 'runs' },
    h('caption', { class: 'visually-hidden' }, 'Runs, newest first; tick two to compare them'),
    h('thead', {}, h('tr', {}, ['Compare', 'Scenario', 'Requested', 'Status', 'Affected', 'Breaching', 'Revenue at risk'].map((c) => h('th', { scope: 'col' }, c)))),
    runBody);
  const compareButton = h('button', { type: 'button', 'data-testid': 'compare', onClick: compareTicked }, 'Compare the two ticked runs');

  async function loadScenarios() {
    const scenarios = await get('/api/v1/continuity/scenarios');
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
    // A short run's completion can be pushed before this answer arrives; it is not overwritten.
    if (!runs.has(started.id)) runs.set(started.id, started);
    render();
    await show(started.id);
  }

  function render() {
    const ordered = [...runs.values()].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)).slice(0, 30);
    replace(runBody, ordered.length ? ordered.map((r) => h('tr', { dataset: { run: r.id, status: r.status } },
      h('td', {}, h('input', { type: 'checkbox', class: 'compare-box', value: r.id, 'aria-label': `Compare run of ${r.scenarioName} at ${dateTime(r.requestedAt)}` })),
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onClick: () => show(r.id) }, r.scenarioName)),
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
    render();
  }

  function compareTicked() {
    const ticked = [...runBody.querySelectorAll('.compare-box:checked')].map((box) => box.value);
    if (ticked.length !== 2) {
      announce('Tick exactly two runs to compare.');
      return;
    }

    compare(ticked[0], ticked[1]);
  }

  return { runs, scenarioList, runTable, compareButton, run, render, loadScenarios, loadRuns };
}
