// The dashboard: sign in, then the views the user's roles may open, each fed by pushes.
import { post, whenUnauthorized } from './api.js';
import * as live from './live.js';
import * as session from './session.js';
import { signInPage } from './signin.js';
import { h, replace } from './ui/dom.js';
import { startCountdowns } from './ui/countdowns.js';
import { admin } from './views/admin/index.js';
import { continuity } from './views/continuity/index.js';
import { customerPage } from './views/customer.js';
import { executive } from './views/executive.js';
import { owner } from './views/owner.js';
import { portfolio } from './views/portfolio.js';
import { supervisor } from './views/supervisor.js';

const views = [
  { id: 'portfolio', label: 'Portfolio', roles: ['account_manager', 'continuity_planner', 'executive', 'admin'], mount: portfolio },
  { id: 'supervisor', label: 'Supervisor', roles: ['supervisor', 'admin'], mount: supervisor },
  { id: 'owner', label: 'Process owner', roles: ['process_owner', 'admin'], mount: owner },
  { id: 'executive', label: 'Executive', roles: ['executive', 'admin'], mount: executive },
  { id: 'continuity', label: 'Continuity', roles: ['continuity_planner', 'executive', 'admin'], mount: continuity },
  { id: 'admin', label: 'Configuration', roles: ['admin'], mount: admin },
];

// Where a user lands: the most specific view they may open.
const preferred = ['executive', 'continuity', 'supervisor', 'owner', 'portfolio'];

const main = document.getElementById('main');
const nav = document.getElementById('views');
const badge = document.getElementById('connection');
const signOutButton = document.getElementById('sign-out');
let dispose = () => {};

const stateText = { connected: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline — retrying' };

function showState(state, server) {
  badge.dataset.state = state;
  badge.textContent = stateText[state] ?? state;
  badge.title = server ? `Connected to ${server}` : '';
}

function allowedViews(user) {
  return views.filter((v) => v.roles.some((r) => user.roles.includes(r)));
}

function route() {
  const user = session.user();
  if (!user) return;
  const allowed = allowedViews(user);
  const [, name, id] = location.hash.split('/');
  dispose();
  for (const link of nav.querySelectorAll('a')) link.toggleAttribute('aria-current', link.dataset.view === name);
  if (name === 'customer' && id && allowed.some((v) => v.id === 'portfolio')) {
    dispose = customerPage(main, decodeURIComponent(id), { back: () => { location.hash = '#/portfolio'; } });
    return;
  }

  const view = allowed.find((v) => v.id === name) ?? preferred.map((id) => allowed.find((v) => v.id === id)).find(Boolean);
  if (!view) {
    replace(main, h('section', { class: 'panel' }, h('h2', {}, 'Nothing to show'), h('p', {}, 'Your roles do not include a dashboard view. Ingest services and metrics scrapers use the API.')));
    dispose = () => {};
    return;
  }

  if (view.id !== name) {
    history.replaceState(null, '', `#/${view.id}`);
    for (const link of nav.querySelectorAll('a')) link.toggleAttribute('aria-current', link.dataset.view === view.id);
  }

  dispose = view.mount(main, { user, openCustomer: (customerId) => { location.hash = `#/customer/${encodeURIComponent(customerId)}`; } }) ?? (() => {});
}

async function start() {
  const user = session.user();
  if (!user) {
    showSignIn();
    return;
  }

  document.getElementById('user').textContent = `${user.name} · ${user.roles.map((r) => r.replace('_', ' ')).join(', ')}`;
  signOutButton.hidden = false;
  const links = allowedViews(user).map((v) => h('a', { href: `#/${v.id}`, dataset: { view: v.id } }, v.label));
  if (user.roles.includes('admin')) links.push(h('a', { href: '/orleans/', target: '_blank', rel: 'noopener' }, 'Orleans'));
  if (user.roles.includes('admin') || user.roles.includes('executive')) links.push(h('a', { href: '/api-reference/', target: '_blank', rel: 'noopener' }, 'API reference'));
  replace(nav, links);
  // The operations pages are loaded by the browser itself, so they authenticate with a cookie.
  post('/api/v1/session').catch(() => {});
  await live.connect(showState);
  route();
}

function showSignIn() {
  dispose();
  dispose = () => {};
  replace(nav);
  document.getElementById('user').textContent = '';
  signOutButton.hidden = true;
  showState('offline');
  badge.textContent = 'Signed out';
  signInPage(main, (token) => {
    session.signIn(token);
    start();
  });
}

async function signOut() {
  session.signOut();
  await live.disconnect();
  fetch('/api/v1/session', { method: 'DELETE' }).catch(() => {});
  history.replaceState(null, '', '#/');
  showSignIn();
}

whenUnauthorized(signOut);
live.whenExpired(signOut);
signOutButton.addEventListener('click', signOut);
window.addEventListener('hashchange', route);
startCountdowns();
start();
