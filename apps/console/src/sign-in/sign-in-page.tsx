import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/auth';
import { t } from '../i18n';

/** Only paths inside the console: `next` comes from the address bar and must not send anyone elsewhere. */
export const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';

export function SignInPage() {
  const { signedIn, me, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (signedIn && me && !busy) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      await navigate(next, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message || t.signIn.failed : t.unknownError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="content">
      <h1>{t.signIn.heading}</h1>
      {params.has('next') && !error ? <p className="notice">{t.signIn.expired}</p> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="sign-in-email">{t.signIn.email}</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="sign-in-password">{t.signIn.password}</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? t.signIn.submitting : t.signIn.submit}
        </button>
      </form>
    </main>
  );
}
