import { canAdminister } from '../../auth/permissions';
import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  {
    path: 'dead-letters',
    nav: { label: t.nav.deadLetters, order: 95, visibleTo: canAdminister },
    load: () => import('./dead-letters-page'),
  },
];
