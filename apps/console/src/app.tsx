import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { ApiError } from './api/problem';
import { setUnauthorizedHandler, signInPathFor } from './api/client';
import { pageRoutes } from './app-routes';
import { AuthProvider } from './auth/auth';
import { Layout } from './layout/layout';
import { RouteError } from './layout/route-error';
import { SignInPage } from './sign-in/sign-in-page';
import { RequireAllowed } from './layout/require-allowed';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will not get better by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const children: RouteObject[] = pageRoutes.map((page) => ({
  path: page.path === '' ? undefined : page.path,
  index: page.path === '' ? true : undefined,
  lazy: async () => {
    const { Component } = await page.load();
    return {
      Component: () => (
        <RequireAllowed allowed={page.allowed ?? page.nav?.visibleTo}>
          <Component />
        </RequireAllowed>
      ),
    };
  },
})) as RouteObject[];

const router = createBrowserRouter(
  [
    { path: '/sign-in', Component: SignInPage },
    {
      path: '/',
      Component: Layout,
      errorElement: <RouteError />,
      children: [...children, { path: '*', Component: RouteError }],
    },
  ],
  { basename: '/console' },
);

// A 401 anywhere: back to sign-in through the router (no reload), remembering where the user was.
setUnauthorizedHandler(() => {
  queryClient.clear();
  void router.navigate(signInPathFor(window.location).slice('/console'.length), { replace: true });
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
