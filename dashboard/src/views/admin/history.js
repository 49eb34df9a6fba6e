// An area's versions, newest first: who, when, why, the change as JSON Patch, and restoring one.
import { h } from '../../ui/dom.js';
import { dateTime } from '../../ui/format.js';

export function historyList(versions, current, restore) {
  return h('ol', { class: 'config-history', 'data-testid': 'config-history', reversed: true }, versions.map((v) => {
    const reason = h('input', { type: 'text', 'aria-label': `Why restore version ${v.version}`, placeholder: 'why restore it' });
    return h('li', { dataset: { version: v.version } },
      h('p', {}, h('strong', {}, `Version ${v.version}`), ` · ${v.author} · ${dateTime(v.at)}`, v.restoredFrom ? ` · restores version ${v.restoredFrom}` : '', v.reason ? ` — ${v.reason}` : ''),
      v.diff.length ? h('details', {}, h('summary', {}, `${v.diff.length} change${v.diff.length > 1 ? 's' : ''}`), h('pre', {}, v.diff.map((op) => `${op.op} ${op.path}${'value' in op ? ` = ${JSON.stringify(op.value)}` : ''}`).join('\n'))) : null,
      v.version === current ? h('p', { class: 'muted' }, 'In force.') : h('p', {}, reason, ' ', h('button', { type: 'button', onClick: () => restore(v.version, reason.value) }, `Restore version ${v.version}`)));
  }));
}
