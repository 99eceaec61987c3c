import { canProposePartnership } from '../../auth/permissions';
import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  {
    path: 'partnerships',
    nav: { label: t.nav.partnerships, order: 40 },
    load: () => import('./partnerships-page'),
  },
  { path: 'partnerships/new', allowed: canProposePartnership, load: () => import('./propose-page') },
  { path: 'partnerships/:id', load: () => import('./partnership-page') },
];
