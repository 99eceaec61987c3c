import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  {
    path: 'commissions',
    nav: { label: t.nav.commissions, order: 50 },
    load: () => import('./commissions-page'),
  },
  { path: 'commissions/:id', load: () => import('./commission-page') },
];
