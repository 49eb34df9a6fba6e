// What the continuity sub-views share: formats and the tile of a number.
import { h } from '../../ui/dom.js';
import { number } from '../../ui/format.js';

export const pageSize = 100;

export const money = (value) => Number(value ?? 0).toLocaleString(undefined, { maximumFractionDigits: 0 });

/** Hours until a recovery requirement breaks, or "holds" when it does not. */
export const hours = (value) => (value === undefined || value === null ? 'holds' : `${number(value, 1)} h`);

export const tile = (label, value, detail) =>
  h('article', { class: 'tile' }, h('h3', {}, label), h('p', { class: 'tile-value' }, value), detail ? h('p', { class: 'muted' }, detail) : null);
