import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  { path: 'inbox', nav: { label: t.nav.inbox, order: 70 }, load: () => import('./inbox-page') },
];
