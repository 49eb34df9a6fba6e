// How values read on screen: bands with words as well as colours, times relative to now.
export const bandLabels = { healthy: 'Healthy', at_risk: 'At risk', critical: 'Critical' };

export function band(value) {
  return bandLabels[value] ?? value;
}

export function score(value) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(1);
}

export function percent(value, digits = 0) {
  return value === undefined || value === null ? '–' : `${Number(value).toFixed(digits)}%`;
}

export function number(value, digits = 1) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(digits);
}

export function time(value) {
  return value ? new Date(value).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '–';
}

export function dateTime(value) {
  return value ? new Date(value).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '–';
}

/** "12m 05s left", "3h 10m left", "4m 30s overdue". */
export function countdown(due, now = Date.now()) {
  if (!due) return 'no deadline';
  const ms = new Date(due).getTime() - now;
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const text = h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
  return ms >= 0 ? `${text} left` : `${text} overdue`;
}

export function words(snake) {
  return String(snake ?? '').replaceAll('_', ' ');
}

export function driverText(driver) {
  const sign = driver.delta > 0 ? '+' : '';
  return `${driver.label} ${sign}${Number(driver.delta).toFixed(1)}`;
}
