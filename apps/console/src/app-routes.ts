import type { PageRoute } from './pages/page-route';

// Eager: route files are a few lines each, naming their page's code, which Vite splits into its own chunk.
const modules = import.meta.glob<{ routes: PageRoute[] }>('./pages/*/route.ts', { eager: true });

/** Every page of the signed-in console. */
export const pageRoutes: PageRoute[] = Object.values(modules).flatMap((module) => module.routes);

/** The main navigation's entries, in order. */
export const navEntries = pageRoutes
  .filter((route): route is PageRoute & { nav: NonNullable<PageRoute['nav']> } => route.nav !== undefined)
  .sort((a, b) => a.nav.order - b.nav.order);
