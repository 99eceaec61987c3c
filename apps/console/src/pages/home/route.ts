import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  { path: '', nav: { label: t.nav.home, order: 10 }, load: () => import('./home-page') },
];
