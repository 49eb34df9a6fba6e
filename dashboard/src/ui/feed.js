// A live alert feed: loads the open alerts, then applies pushes (newest version wins), marks each
// alert's render with the User Timing API ("alert-rendered:<id>") so push-to-screen latency can be
// measured in the browser, and announces new ones.
import { post } from '../api.js';
import * as live from '../live.js';
import { liveCollection } from './collection.js';
import { coalescer, newest } from './coalesce.js';
import { announce, h, replace } from './dom.js';
import { words } from './format.js';
import { alertItem } from './items.js';
import { chime } from './sound.js';

export function alertFeed(list, { load, admits = () => true, acknowledge = true, limit = 100 }) {
  const collection = liveCollection(newest);
  const alerts = collection.items;
  const act = acknowledge ? async (alert) => {
    const button = list.querySelector(`[data-alert="${CSS.escape(alert.id)}"] .ack`);
    if (button) button.disabled = true;
    try {
      apply(await post(`/api/v1/alerts/${encodeURIComponent(alert.id)}/acknowledge`, {}));
    } catch (error) {
      if (button) button.disabled = false;
      announce(`Could not acknowledge: ${error.message}`);
    }
  } : null;

  function render() {
    const open = [...alerts.values()].filter((a) => a.state !== 'resolved' && admits(a))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
    if (!open.length) {
      replace(list, h('li', { class: 'muted empty' }, 'No open alerts.'));
      return;
    }

    replace(list, open.map((a) => alertItem(a, act)));
  }

  const apply = coalescer((a) => a.id, (changes) => {
    const fresh = changes.filter((a) => admits(a) && a.state === 'raised' && !alerts.has(a.id));
    collection.apply(changes);
    render();
    for (const a of changes) performance.mark(`alert-rendered:${a.id}`);
    if (fresh.length) {
      chime();
      announce(`${fresh.length} new alert${fresh.length > 1 ? 's' : ''}: ${words(fresh[0].type)}, ${fresh[0].message}`);
    }
  });

  async function reload() {
    await collection.reload(async () => (await load()).items);
    render();
  }

  const unsubscribe = [live.on(live.Pushes.AlertChanged, apply), live.onReload(reload)];
  reload();
  return () => unsubscribe.forEach((u) => u());
}
