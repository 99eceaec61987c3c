import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  { path: 'charts', nav: { label: t.nav.charts, order: 55 }, load: () => import('./charts-page') },
];
