import { ApiError } from '../api/problem';
import { t } from '../i18n';

/**
 * An API failure explained: a 409/412 conflict with a way to reload the latest version, anything else
 * with the problem's own detail.
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  if (error instanceof ApiError && error.isConflict) {
    return (
      <div role="alert" className="error">
        <p>{t.conflict}</p>
        {error.problem?.detail ? <p>{error.problem.detail}</p> : null}
        <button type="button" onClick={onReload ?? (() => window.location.reload())}>
          {t.reload}
        </button>
      </div>
    );
  }
  const message = error instanceof ApiError ? error.message : t.unknownError;
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

/** What a list or page shows while its query has not answered, or failed. */
export function QueryState({ pending, error }: { pending: boolean; error: unknown }) {
  if (error) return <ProblemAlert error={error} />;
  return pending ? <p className="loading">{t.loading}</p> : null;
}
