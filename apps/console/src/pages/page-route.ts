import type { ComponentType } from 'react';
import type { Me } from '../auth/auth';

/**
 * One page of the signed-in console. A page is a folder under `pages/` with a `route.ts` exporting
 * `routes: PageRoute[]`; the app finds every `pages/* /route.ts` at build time (see app-routes.ts), so
 * adding a page adds a folder and edits nothing else. The page's code loads when first visited.
 */
export interface PageRoute {
  /** Below the `/console` basename, without the leading slash (`''` is home). */
  readonly path: string;
  readonly load: () => Promise<{ Component: ComponentType }>;
  /** Present on the one route of a page that the main navigation links to. */
  readonly nav?: {
    readonly label: string;
    /** Position in the navigation, lowest first. */
    readonly order: number;
    /** Whether this user sees the entry (and may open the page); everyone when absent. */
    readonly visibleTo?: (me: Me) => boolean;
  };
  /** Whether this user may open the page at all; everyone signed in when absent. */
  readonly allowed?: (me: Me) => boolean;
}
