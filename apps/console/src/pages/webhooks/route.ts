import { canAdminister } from '../../auth/permissions';
import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  {
    path: 'webhooks',
    nav: { label: t.nav.webhooks, order: 90, visibleTo: canAdminister },
    load: () => import('./webhooks-page'),
  },
];
