// Chart.js, registered with only what the dashboard draws (lines and bars on linear/category axes).
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Filler, Legend, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

const bandColour = (value) => (value >= 70 ? '#1a7f37' : value >= 40 ? '#9a6700' : '#cf222e');

/** A small trend line without axes, for a table cell. */
export function sparkline(canvas, points) {
  return new Chart(canvas, {
    type: 'line',
    data: { labels: points.map((_, i) => i), datasets: [{ data: points, borderColor: bandColour(points.at(-1) ?? 100), borderWidth: 1.5, pointRadius: 0, tension: 0.3 }] },
    options: { responsive: false, events: [], plugins: { legend: { display: false }, tooltip: { enabled: false } }, scales: { x: { display: false }, y: { display: false, min: 0, max: 100 } } },
  });
}

export function pushSparkline(chart, value, keep = 30) {
  const data = chart.data.datasets[0].data;
  data.push(value);
  while (data.length > keep) data.shift();
  chart.data.labels = data.map((_, i) => i);
  chart.data.datasets[0].borderColor = bandColour(value);
  chart.update('none');
}

/** Score over time: x is milliseconds since the epoch, labelled as local time. */
export function scoreChart(canvas, points) {
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [{ label: 'Health score', data: points, borderColor: '#0969da', backgroundColor: 'rgba(9,105,218,0.08)', fill: true, pointRadius: 2, stepped: 'after' }] },
    options: {
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: { type: 'linear', ticks: { callback: (value) => new Date(value).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }), maxTicksLimit: 6 } },
        y: { min: 0, max: 100, title: { display: true, text: 'Score' } },
      },
      plugins: { tooltip: { callbacks: { title: (items) => new Date(items[0].parsed.x).toLocaleString() } } },
    },
  });
}

/** Hourly CSAT / NPS / CES lines over escalations bars, for the executive view. */
export function trendChart(canvas) {
  return new Chart(canvas, {
    data: {
      labels: [],
      datasets: [
        { type: 'bar', label: 'Escalations', data: [], backgroundColor: 'rgba(207,34,46,0.35)', yAxisID: 'count' },
        { type: 'line', label: 'CSAT %', data: [], borderColor: '#1a7f37', yAxisID: 'score', spanGaps: true },
        { type: 'line', label: 'NPS', data: [], borderColor: '#0969da', yAxisID: 'score', spanGaps: true },
        { type: 'line', label: 'CES (1–7)', data: [], borderColor: '#8250df', yAxisID: 'effort', spanGaps: true },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        count: { position: 'right', beginAtZero: true, title: { display: true, text: 'Escalations' } },
        score: { position: 'left', min: -100, max: 100, title: { display: true, text: 'CSAT % / NPS' } },
        effort: { display: false, min: 1, max: 7 },
      },
    },
  });
}

export function updateTrend(chart, hours) {
  chart.data.labels = hours.map((h) => new Date(h.hour).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  chart.data.datasets[0].data = hours.map((h) => h.escalations);
  chart.data.datasets[1].data = hours.map((h) => h.csat ?? null);
  chart.data.datasets[2].data = hours.map((h) => h.nps ?? null);
  chart.data.datasets[3].data = hours.map((h) => h.ces ?? null);
  chart.update('none');
}

/** A continuity run's timeline: recovery requirements and SLA clocks breaking, per hour of the scenario. */
export function breachTimeline(canvas, timeline) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: timeline.map((t) => `h${t.hour + 1}`),
      datasets: [
        { label: 'Recovery requirements breached', data: timeline.map((t) => t.recoveryBreaches), backgroundColor: 'rgba(207,34,46,0.7)' },
        { label: 'SLA clocks breached', data: timeline.map((t) => t.slaBreaches), backgroundColor: 'rgba(154,103,0,0.6)' },
      ],
    },
    options: { maintainAspectRatio: false, scales: { x: { title: { display: true, text: 'Hour of the disruption' } }, y: { beginAtZero: true, title: { display: true, text: 'Breaches' } } } },
  });
}

/** Customers per health band before, during and at the end of a disruption. */
export function bandDistribution(canvas, run) {
  const moments = [['Before', run.healthBefore], ['During (lowest)', run.healthDuring], ['After', run.healthAfter]];
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: moments.map(([label]) => label),
      datasets: [
        { label: 'Healthy', data: moments.map(([, b]) => b.healthy), backgroundColor: '#1a7f37' },
        { label: 'At risk', data: moments.map(([, b]) => b.atRisk), backgroundColor: '#9a6700' },
        { label: 'Critical', data: moments.map(([, b]) => b.critical), backgroundColor: '#cf222e' },
      ],
    },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Customers' } } } },
  });
}
