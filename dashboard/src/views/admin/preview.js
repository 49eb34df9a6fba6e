// What a configuration change would do, as the server previewed it: counts, then the first
// deadlines, breaches, alerts and bands it names.
import { h } from '../../ui/dom.js';
import { dateTime, score, words } from '../../ui/format.js';

const moved = (m) => (m.movedByMinutes === null ? 'no longer measured' : `${m.movedByMinutes > 0 ? '+' : ''}${m.movedByMinutes} min`);

export function previewPanel(preview) {
  const { effects } = preview;
  const list = (title, items, line) => (items.length
    ? h('details', { open: items.length <= 10 }, h('summary', {}, `${title} (${items.length}${items.length >= 200 ? '+' : ''})`), h('ul', {}, items.map((x) => h('li', {}, line(x)))))
    : null);
  const counts = [
    `${preview.deadlineMoveCount} deadlines move`,
    `${preview.breachesAtOnceCount} breach at once`,
    `${preview.alertsOpeningCount} alerts open`,
    `${preview.alertsClosingCount} alerts close`,
    `${preview.bandChangeCount} customers change band`,
  ];
  return h('div', { class: 'config-preview', 'data-testid': 'config-preview', role: 'status' },
    h('p', {}, h('strong', {}, counts.join(' · ')), ` (of ${preview.examined} examined, against version ${preview.basedOnVersion})`),
    list('Deadlines that move', effects.deadlineMoves, (m) => `${m.caseId} · ${words(m.metric)}: ${m.from ? dateTime(m.from) : '–'} → ${m.to ? dateTime(m.to) : '–'} (${moved(m)})`),
    list('Breach at once', effects.breachesAtOnce, (m) => `${m.caseId} · ${words(m.metric)} was due ${dateTime(m.to)}`),
    list('Alerts that open', effects.alertsOpening, (a) => `${words(a.type)} · ${a.subject}: ${a.message}`),
    list('Alerts that close', effects.alertsClosing, (a) => `${words(a.type)} · ${a.subject}: ${a.message}`),
    list('Band changes', effects.bandChanges, (b) => `${b.name}: ${score(b.fromScore)} ${words(b.fromBand)} → ${score(b.toScore)} ${words(b.toBand)}`),
    preview.notes.length ? h('ul', { class: 'muted' }, preview.notes.map((n) => h('li', {}, n))) : null);
}
