// The executive's view: KPI tiles, hourly CSAT/NPS/CES and escalation trends, a journey-stage heat
// map and the leadership alerts. KPIs are pushed by the server every few seconds.
import { get } from '../api.js';
import * as live from '../live.js';
import { coalescer } from '../ui/coalesce.js';
import { h, replace, section } from '../ui/dom.js';
import { number, percent } from '../ui/format.js';
import { alertFeed } from '../ui/feed.js';
import { trendChart, updateTrend } from '../ui/charts.js';

const tile = (label, value, detail) => h('article', { class: 'tile' }, h('h3', {}, label), h('p', { class: 'tile-value' }, value), detail ? h('p', { class: 'muted' }, detail) : null);

/** A cell shaded from good to bad, with its value in text so colour is never the only cue. */
function heatCell(value, text, goodness) {
  const shade = goodness === null ? 'none' : goodness > 0.66 ? 'good' : goodness > 0.33 ? 'fair' : 'poor';
  return h('td', { class: `heat heat-${shade}` }, text);
}

const clamp = (x) => Math.max(0, Math.min(1, x));

export function executive(root) {
  const tiles = h('div', { class: 'tiles', 'data-testid': 'kpi-tiles' });
  const canvas = h('canvas', { role: 'img', 'aria-label': 'CSAT, NPS and CES per hour, with escalations per hour' });
  const heat = h('tbody');
  const alerts = h('ul', { class: 'feed', tabindex: '0', 'data-testid': 'leadership-alerts', 'aria-label': 'Leadership alerts' });
  replace(root,
    section('Key indicators', 'kpi-title', tiles),
    h('div', { class: 'columns' },
      section('Trends, last 24 hours', 'trend-title', h('div', { class: 'chart-box' }, canvas)),
      section('Journey stages', 'heat-title', h('table', { class: 'grid heatmap', 'data-testid': 'heatmap' },
        h('caption', { class: 'visually-hidden' }, 'Journey-stage heat map over the last 24 hours'),
        h('thead', {}, h('tr', {}, ['Stage', 'Volume', 'Sentiment', 'Effort (CES)', 'SLA met', 'Open escalations'].map((c) => h('th', { scope: 'col' }, c)))),
        heat))),
    section('Leadership alerts', 'leadership-title', alerts));
  const chart = trendChart(canvas);

  const apply = coalescer(() => 'kpis', ([k]) => {
    replace(tiles,
      tile('SLA compliance', percent(k.slaCompliance, 1), `${k.slaMet} met, ${k.slaBreached} breached in 24 h`),
      tile('CSAT', percent(k.csat, 1), 'share of 4–5 ratings'),
      tile('NPS', number(k.nps, 0), 'promoters minus detractors'),
      tile('CES', number(k.ces, 2), '1–7, higher is easier'),
      tile('Escalations this hour', String(k.escalationsLastHour)),
      tile('Healthy customers', String(k.customers.healthy)),
      tile('At risk', String(k.customers.atRisk)),
      tile('Critical', String(k.customers.critical)));
    updateTrend(chart, k.hours);
    const maxVolume = Math.max(1, ...k.stages.map((s) => s.volume));
    replace(heat, k.stages.map((s) => h('tr', { dataset: { stage: s.id } },
      h('th', { scope: 'row' }, s.name),
      heatCell(s.volume, String(s.volume), 1 - clamp(s.volume / maxVolume)),
      heatCell(s.sentiment, number(s.sentiment, 2), s.sentiment === undefined ? null : clamp((s.sentiment + 1) / 2)),
      heatCell(s.effort, number(s.effort, 2), s.effort === undefined ? null : clamp((s.effort - 1) / 6)),
      heatCell(s.slaCompliance, percent(s.slaCompliance, 1), s.slaCompliance === undefined ? null : clamp(s.slaCompliance / 100)),
      heatCell(s.openEscalations, String(s.openEscalations), clamp(1 - s.openEscalations / 5)))));
  });

  const disposeFeed = alertFeed(alerts, { load: () => get('/api/v1/alerts?audience=leadership&limit=50'), admits: (a) => a.audiences.some((x) => x.group === 'leadership'), acknowledge: false });
  const load = async () => apply(await get('/api/v1/kpis'));
  const unsubscribe = [live.on(live.Pushes.KpisChanged, apply), live.onReload(load)];
  load();
  return () => {
    disposeFeed();
    unsubscribe.forEach((u) => u());
    chart.destroy();
  };
}
