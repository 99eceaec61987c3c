import { canSubmitPractice } from '../../auth/permissions';
import { t } from '../../i18n';
import type { PageRoute } from '../page-route';

export const routes: PageRoute[] = [
  { path: 'library', nav: { label: t.nav.library, order: 60 }, load: () => import('./library-page') },
  { path: 'library/new', allowed: canSubmitPractice, load: () => import('./submit-practice-page') },
  { path: 'library/:id', load: () => import('./practice-page') },
  { path: 'library/:id/edit', allowed: canSubmitPractice, load: () => import('./revise-practice-page') },
];
