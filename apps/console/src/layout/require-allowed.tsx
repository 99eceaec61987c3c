import type { ReactNode } from 'react';
import { useMe, type Me } from '../auth/auth';
import { t } from '../i18n';

/** A page this user may not open (a secretariat page for an officer) says so instead of failing requests. */
export function RequireAllowed({
  allowed,
  children,
}: {
  allowed: ((me: Me) => boolean) | undefined;
  children: ReactNode;
}) {
  const me = useMe();
  if (allowed && !allowed(me)) {
    return (
      <p role="alert" className="notice">
        {t.forbidden}
      </p>
    );
  }
  return <>{children}</>;
}
