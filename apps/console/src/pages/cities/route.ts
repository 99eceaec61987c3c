import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  { path: 'cities', nav: { label: t.nav.cities, order: 30 }, load: () => import('./cities-page') },
  { path: 'cities/:id', load: () => import('./city-page') },
];
