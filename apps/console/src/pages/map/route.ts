import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  { path: 'map', nav: { label: t.nav.map, order: 20 }, load: () => import('./map-page') },
];
