// The continuity planner's view: build a disruption scenario from the nodes customers depend on, run
// it against the live state (which it never changes), watch its progress arrive by push, read the
// results and compare two runs side by side. Its parts: builder.js, runs.js, results.js, compare.js.
import { get } from '../../api.js';
import * as live from '../../live.js';
import { coalescer } from '../../ui/coalesce.js';
import { announce, h, replace, section } from '../../ui/dom.js';
import { scenarioBuilder } from './builder.js';
import { showComparison } from './compare.js';
import { showResults } from './results.js';
import { runList } from './runs.js';

export function continuity(root) {
  let shown = null;
  let charts = [];
  const results = h('div', { 'data-testid': 'run-results' });

  const clearCharts = () => {
    charts.forEach((c) => c.destroy());
    charts = [];
  };

  /** Brings the results to the top of the page and to screen readers' attention after the user asked for them. */
  const reveal = () => {
    const heading = results.querySelector('h2');
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    results.scrollIntoView({ block: 'start' });
  };

  async function render(runId) {
    shown = runId;
    const run = list.runs.get(runId) ?? await get(`/api/v1/continuity/runs/${encodeURIComponent(runId)}`);
    clearCharts();
    charts = await showResults(results, run);
  }

  const list = runList({
    show: (runId) => render(runId).then(reveal),
    compare: async (a, b) => {
      shown = null;
      clearCharts();
      await showComparison(results, a, b);
      reveal();
    },
  });
  const builder = scenarioBuilder(async (scenario, andRun) => {
    await list.loadScenarios();
    if (andRun) await list.run(scenario.id);
  });

  replace(root,
    results,
    h('div', { class: 'columns' },
      section('Build a scenario', 'builder-title', builder.element),
      h('div', {},
        section('Scenarios', 'scenarios-title', list.scenarioList),
        section('Runs', 'runs-title', list.runTable, h('p', {}, list.compareButton)))));

  const applyRuns = coalescer((r) => r.id, (changed) => {
    for (const r of changed) {
      const known = list.runs.get(r.id);
      if (known && known.status !== 'running' && r.status === 'running') continue;
      list.runs.set(r.id, r);
      // Only a change of the shown run redraws it: a repeated push of a finished run would wipe its
      // customer table and fetch it again.
      if (r.id === shown && (!known || known.status === 'running')) render(r.id);
      if (r.status === 'completed' && known?.status === 'running') announce(`Run of ${r.scenarioName} completed: ${r.customersBreaching} customers breach their recovery requirement.`);
    }
    list.render();
  });

  async function load() {
    builder.render(await get('/api/v1/continuity/nodes'));
    await Promise.all([list.loadScenarios(), list.loadRuns()]);
  }

  const unsubscribe = [live.on(live.Pushes.ContinuityRunChanged, applyRuns), live.onReload(() => Promise.all([list.loadScenarios(), list.loadRuns()]))];
  load();
  return () => {
    unsubscribe.forEach((u) => u());
    clearCharts();
  };
}
