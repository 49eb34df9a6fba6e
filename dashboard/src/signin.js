// Signing in. In development mode the server lists its demo users and mints their tokens; in
// production the route does not exist and the user pastes a token from the identity provider.
import { ApiError, get, post } from './api.js';
import { h, replace } from './ui/dom.js';
import { words } from './ui/format.js';

export async function signInPage(root, signIn) {
  let users = null;
  try {
    users = await get('/api/v1/dev/users');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }

  const tokenField = h('textarea', { id: 'token', rows: 4, required: true, spellcheck: 'false' });
  const tokenForm = h('form', { class: 'panel', onSubmit: (e) => { e.preventDefault(); signIn(tokenField.value.trim()); } },
    h('h2', {}, 'Sign in with a token'),
    h('p', {}, 'Paste a bearer token issued for HealthGrid by your identity provider.'),
    h('label', { for: 'token' }, 'Token'), tokenField,
    h('p', {}, h('button', { type: 'submit' }, 'Sign in')));

  if (!users) {
    replace(root, tokenForm);
    return;
  }

  const pick = async (user) => signIn((await post(`/api/v1/dev/users/${encodeURIComponent(user.id)}/token`)).token);
  replace(root,
    h('section', { class: 'panel', 'aria-labelledby': 'demo-title', 'data-testid': 'demo-users' },
      h('h2', { id: 'demo-title' }, 'Sign in as a demo user'),
      h('p', { class: 'muted' }, 'Development mode: this list and these tokens exist only on a development server.'),
      h('ul', { class: 'users' }, users.map((u) => h('li', {},
        h('button', { type: 'button', dataset: { user: u.id }, onClick: () => pick(u) }, u.name),
        h('span', { class: 'muted' }, ` ${u.roles.map(words).join(', ')} — ${u.description}`))))),
    tokenForm);
}
