// The scenario builder: one or more disruptions (nodes down or degraded, when and for how long, for
// which regions and products), saved and optionally run at once. Field errors come back from the API.
import { post } from '../../api.js';
import { announce, h, replace } from '../../ui/dom.js';
import { words } from '../../ui/format.js';

const nodeKey = (n) => `${n.type}:${n.id}`;
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** The builder form; <c>onSaved(scenario, andRun)</c> follows a save. Call render(nodes) once the nodes are known. */
export function scenarioBuilder(onSaved) {
  const builder = h('form', { class: 'builder', 'data-testid': 'scenario-builder' });
  const name = h('input', { id: 'scenario-name', required: true, maxlength: 200 });
  const description = h('input', { id: 'scenario-description', maxlength: 2000 });
  const startsAt = h('input', { id: 'scenario-start', type: 'datetime-local' });
  const disruptions = h('div', { class: 'disruptions' });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  let nodes = [];

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

  function render(known) {
    nodes = known;
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
      await onSaved(scenario, andRun);
    } catch (error) {
      const errors = error.problem?.errors ?? {};
      formError.textContent = Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ') || error.message;
    }
  });

  return { element: builder, render };
}
