/**
 * The bearer token: in memory, mirrored in sessionStorage so a reload keeps the tab signed in, and never
 * in localStorage (which every tab and every later visit would share). Closing the tab forgets it.
 */
const KEY = 'c2c.console.token';

let token: string | null = readStored();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** For useSyncExternalStore: the session's subscribers hear of every sign-in and sign-out. */
export function subscribeToToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readStored(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function currentToken(): string | null {
  return token;
}

export function storeToken(value: string): void {
  token = value;
  try {
    globalThis.sessionStorage?.setItem(KEY, value);
  } catch {
    // Storage refused (private mode): the token still lives in memory for this page.
  }
  changed();
}

export function forgetToken(): void {
  token = null;
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  changed();
}
