// SLA countdowns tick in the browser from the deadline the server sent; a new deadline arrives by push.
import { countdown } from './format.js';

let timer = null;

export function startCountdowns() {
  if (timer) return;
  timer = setInterval(() => {
    const now = Date.now();
    for (const element of document.querySelectorAll('[data-due]')) {
      element.textContent = countdown(element.dataset.due, now);
      element.classList.toggle('overdue', new Date(element.dataset.due).getTime() < now);
    }
  }, 1_000);
}
