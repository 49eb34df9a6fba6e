// The signed-in user: the bearer token (kept for this browser tab only) and the claims read from it.
const key = 'healthgrid.token';

export function token() {
  return sessionStorage.getItem(key);
}

export function signIn(value) {
  sessionStorage.setItem(key, value);
}

export function signOut() {
  sessionStorage.removeItem(key);
}

/** The token's claims, or null when there is no usable token. The server checks the signature; this only decides what to show. */
export function user() {
  const value = token();
  if (!value) return null;
  try {
    const payload = JSON.parse(atob(value.split('.')[1].replaceAll('-', '+').replaceAll('_', '/')));
    if (payload.exp && payload.exp * 1000 < Date.now()) return null;
    const list = (claim) => (Array.isArray(claim) ? claim : claim ? [claim] : []);
    return {
      subject: payload.sub,
      name: payload.name ?? payload.sub,
      roles: list(payload.role),
      accounts: list(payload.account),
      teams: list(payload.team),
      owner: payload.owner ?? null,
    };
  } catch {
    return null;
  }
}
