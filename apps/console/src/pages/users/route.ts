import { canAdminister } from '../../auth/permissions';
import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  {
    path: 'users',
    nav: { label: t.nav.users, order: 80, visibleTo: canAdminister },
    load: () => import('./users-page'),
  },
];
