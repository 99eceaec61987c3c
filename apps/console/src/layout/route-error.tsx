import { isRouteErrorResponse, useRouteError } from 'react-router';
import { t } from '../i18n';

/** Unknown paths and pages that threw while rendering. */
export function RouteError() {
  const error = useRouteError();
  const missing = error === undefined || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <div className="page">
      <h1>{missing ? t.notFound : t.unknownError}</h1>
    </div>
  );
}
