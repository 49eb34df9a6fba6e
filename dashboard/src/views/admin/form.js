// A form for any configuration document, built from the document itself: objects become fieldsets,
// lists of objects become repeatable groups (add a copy of the last, remove any), lists of plain
// values one comma-separated field, and every input carries the JSON path the server's errors use
// ("policies[0].targets.firstResponse"), so an error is shown at its field. Areas added later get a
// form without code here.
import { h, replace } from '../../ui/dom.js';
import { words } from '../../ui/format.js';
import { newItem } from './new-items.js';

const pathOf = (parent, key) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

const isPlainList = (value) => Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');

/** Renders <paramref name="doc"/> into <paramref name="root"/>; edits change doc in place and call onChange. */
export function documentForm(root, doc, onChange) {
  function field(parent, key, value, container) {
    const path = pathOf(parent, key);
    const named = value?.id ?? value?.code;
    const label = typeof key === 'number' ? `${key + 1}${typeof named === 'string' ? `: ${named}` : ''}` : words(key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase());
    const emptyListOfObjects = Array.isArray(value) && value.length === 0 && newItem(path) !== null;
    if (value !== null && typeof value === 'object' && (!isPlainList(value) || emptyListOfObjects)) {
      const group = h('fieldset', { class: 'config-group', dataset: { path } }, h('legend', {}, label));
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          const itemGroup = h('div', { class: 'config-item' });
          field(path, i, item, itemGroup);
          itemGroup.append(h('button', { type: 'button', class: 'link remove', 'aria-label': `Remove ${label} item ${i + 1}`, onClick: () => { value.splice(i, 1); changed(); } }, 'Remove'));
          group.append(itemGroup);
        });
        const fresh = () => (value.length ? structuredClone(value[value.length - 1]) : newItem(path));
        if (value.length || newItem(path)) {
          group.append(h('button', { type: 'button', class: 'add', onClick: () => { value.push(fresh()); changed(); } }, `Add to ${label}`));
        }
      } else {
        Object.entries(value).forEach(([k, v]) => field(path, k, v, group));
      }

      group.append(h('p', { class: 'field-error', dataset: { errorFor: path }, hidden: true }));
      container.append(group);
      return;
    }

    const id = `config-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
    const set = (v) => { setAt(doc, path, v); onChange(); };
    let input;
    if (typeof value === 'boolean') {
      input = h('input', { id, type: 'checkbox', checked: value, onChange: (e) => set(e.target.checked) });
    } else if (typeof value === 'number') {
      input = h('input', { id, type: 'text', inputmode: 'decimal', value: String(value), onInput: (e) => set(e.target.value.trim() === '' || Number.isNaN(Number(e.target.value)) ? e.target.value : Number(e.target.value)) });
    } else if (Array.isArray(value)) {
      input = h('input', { id, type: 'text', value: value.join(', '), placeholder: 'comma-separated', onInput: (e) => set(e.target.value.split(',').map((s) => s.trim()).filter(Boolean)) });
    } else if (key === 'body' || (typeof value === 'string' && value.includes('\n'))) {
      // Templates span lines: a text input would drop the line breaks.
      input = h('textarea', { id, rows: 6, onInput: (e) => set(e.target.value) });
      input.value = value ?? '';
    } else {
      input = h('input', { id, type: 'text', value: value ?? '', onInput: (e) => set(e.target.value === '' && value === null ? null : e.target.value) });
    }

    input.dataset.path = path;
    container.append(h('div', { class: 'config-field' }, h('label', { for: id }, label), input,
      h('p', { class: 'field-error', id: `${id}-error`, dataset: { errorFor: path }, hidden: true })));
  }

  function changed() {
    render();
    onChange();
  }

  function render() {
    const body = h('div', { class: 'config-form' });
    Object.entries(doc).forEach(([k, v]) => field('', k, v, body));
    replace(root, body);
  }

  render();
  return { render };
}

/** Shows the server's errors ({"document.policies[0].calendar": ["…"]}) at their fields; answers those without one. */
export function showErrors(root, errors) {
  for (const element of root.querySelectorAll('.field-error')) {
    element.hidden = true;
    element.textContent = '';
  }

  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const path = key.replace(/^document\.?/, '');
    const target = nearest(root, path);
    if (!target) {
      unplaced.push(`${key}: ${messages.join(' ')}`);
      continue;
    }

    target.hidden = false;
    target.textContent = messages.join(' ');
    const input = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', target.id);
    }
  }

  return unplaced;
}

/** The error slot of the field at path, or of the closest group that holds it (a field the form does not show). */
function nearest(root, path) {
  for (let p = path; p; p = p.replace(/(\[\d+\]|\.[^.[]+|^[^.[]+)$/, '')) {
    const slot = root.querySelector(`[data-error-for="${CSS.escape(p)}"]`);
    if (slot) return slot;
  }

  return null;
}

function setAt(doc, path, value) {
  const keys = path.match(/[^.[\]]+/g).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let target = doc;
  keys.slice(0, -1).forEach((k) => { target = target[k]; });
  target[keys[keys.length - 1]] = value;
}
