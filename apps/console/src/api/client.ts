import createClient, { type Middleware } from 'openapi-fetch';
import { currentToken, forgetToken } from '../auth/session';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** Where a 401 sends the user: the sign-in page, remembering the page they were on. */
export function signInPathFor(location: { pathname: string; search: string }): string {
  const base = '/console';
  const here = location.pathname.startsWith(base) ? location.pathname.slice(base.length) || '/' : '/';
  if (here.startsWith('/sign-in')) return `${base}/sign-in`;
  return `${base}/sign-in?next=${encodeURIComponent(here + location.search)}`;
}

let onUnauthorized: () => void = () => {
  window.location.assign(signInPathFor(window.location));
};

/** The app replaces the full-page redirect with a client-side navigation once the router runs. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A refused sign-in is an answer for the form, not a lost session.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/token')) {
      forgetToken();
      onUnauthorized();
    }
    return response;
  },
};

/** The typed client of the public API, same origin. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);
