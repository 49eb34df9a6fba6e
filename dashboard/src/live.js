// The dashboard hub connection: the server pushes, the page never polls. Reconnects on its own,
// shows its state, and tells the views to reload after a gap, since pushes sent meanwhile were missed.
import * as signalR from '@microsoft/signalr';
import { token, user } from './session.js';

/**
 * What the server pushes (IDashboardClient on the server): the one place the names are written.
 * DashboardContractTests checks that these are exactly the server's methods.
 */
export const Pushes = Object.freeze({
  Connected: 'Connected',
  AlertChanged: 'AlertChanged',
  CustomersChanged: 'CustomersChanged',
  CasesChanged: 'CasesChanged',
  InteractionChanged: 'InteractionChanged',
  KpisChanged: 'KpisChanged',
  ContinuityRunChanged: 'ContinuityRunChanged',
  AccountsChanged: 'AccountsChanged',
  ProcessOwnersChanged: 'ProcessOwnersChanged',
  SystemChangeRecorded: 'SystemChangeRecorded',
  Resync: 'Resync',
});

const handlers = new Map();
const reloaders = new Set();
let connection = null;
let onExpired = () => {};

/** What to do when the token has run out: the server closes the connection then, and reconnecting needs a new sign-in. */
export function whenExpired(handler) {
  onExpired = handler;
}

function currentToken() {
  if (!user()) {
    onExpired();
    throw new Error('The session has expired.');
  }

  return token();
}

export function on(method, handler) {
  if (!handlers.has(method)) {
    handlers.set(method, new Set());
    connection?.on(method, (...args) => dispatch(method, args));
  }

  handlers.get(method).add(handler);
  return () => handlers.get(method).delete(handler);
}

/** Called after a reconnect, or when the server says changes may have been missed: the view reads its state again. */
export function onReload(reload) {
  reloaders.add(reload);
  return () => reloaders.delete(reload);
}

function reloadAll() {
  for (const reload of reloaders) reload();
}

function dispatch(method, args) {
  for (const handler of handlers.get(method) ?? []) handler(...args);
}

// Never give up: back off to 15 s between attempts and keep trying while the page is open.
const retryForever = { nextRetryDelayInMilliseconds: (context) => Math.min(15_000, 500 * 2 ** Math.min(context.previousRetryCount, 5)) };

export async function connect(showState) {
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/dashboard', { accessTokenFactory: currentToken })
    .withAutomaticReconnect(retryForever)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const method of handlers.keys()) connection.on(method, (...args) => dispatch(method, args));
  connection.on(Pushes.Connected, (server) => showState('connected', server));
  connection.onreconnecting(() => showState('reconnecting'));
  connection.onreconnected(() => {
    showState('connected');
    reloadAll();
  });
  connection.on(Pushes.Resync, reloadAll);
  connection.onclose(() => {
    showState('offline');
    setTimeout(() => start(showState), 2_000);
  });
  await start(showState);
}

async function start(showState) {
  if (!connection || !token()) return;
  showState('connecting');
  try {
    await connection.start();
  } catch {
    showState('offline');
    setTimeout(() => start(showState), 3_000);
  }
}

export async function disconnect() {
  const current = connection;
  connection = null;
  handlers.clear();
  reloaders.clear();
  await current?.stop();
}
