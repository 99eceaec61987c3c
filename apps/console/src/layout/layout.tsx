import { useQuery } from '@tanstack/react-query';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { navEntries } from '../app-routes';
import { useAuth } from '../auth/auth';
import { t } from '../i18n';

/** The signed-in frame: navigation, who is signed in, sign-out, and the page. */
export function Layout() {
  const { signedIn, me, loading, signOut } = useAuth();
  const location = useLocation();
  if (!signedIn) {
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  }
  if (loading || !me) return <p className="loading">{t.loading}</p>;
  const entries = navEntries.filter((entry) => entry.nav.visibleTo?.(me) ?? true);
  return (
    <div className="frame">
      <a className="skip-link" href="#content">
        {t.nav.skipToContent}
      </a>
      <header className="top">
        <span className="brand">{t.appName}</span>
        <nav aria-label={t.nav.label}>
          <ul>
            {entries.map((entry) => (
              <li key={entry.path}>
                <NavLink to={`/${entry.path}`} end={entry.path === ''}>
                  {entry.path === 'inbox' ? <InboxLabel /> : entry.nav.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <span>
            {t.nav.signedInAs} <span data-testid="whoami">{me.email}</span>
          </span>
          <button type="button" onClick={signOut}>
            {t.nav.signOut}
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/** "Inbox" with the unread count, which the notifications API gives with any page. */
function InboxLabel() {
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } })).unreadCount,
    refetchInterval: 60_000,
  });
  return (
    <>
      {t.nav.inbox}
      {unread.data ? <span className="badge"> {unread.data}</span> : null}
    </>
  );
}
