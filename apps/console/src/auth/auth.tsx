import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/problem';
import { currentToken, forgetToken, storeToken, subscribeToToken } from './session';

export type Me = Schemas['MeDto'];

interface Auth {
  readonly signedIn: boolean;
  readonly me: Me | undefined;
  readonly loading: boolean;
  readonly signIn: (email: string, password: string) => Promise<void>;
  readonly signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

/** The session: the token (see session.ts) and who it belongs to (`GET /api/v1/me`). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const signedIn = useSyncExternalStore(subscribeToToken, () => currentToken() !== null);
  const me = useQuery({
    queryKey: ['me'],
    enabled: signedIn,
    staleTime: 60_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/me')),
  });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const token = unwrap(await api.POST('/api/v1/auth/token', { body: { email, password } }));
      queryClient.clear();
      storeToken(token.accessToken);
      await queryClient.fetchQuery({
        queryKey: ['me'],
        queryFn: async () => unwrap(await api.GET('/api/v1/me')),
      });
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    forgetToken();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Auth>(
    () => ({ signedIn, me: me.data, loading: signedIn && me.isPending, signIn, signOut }),
    [signedIn, me.data, me.isPending, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only inside the signed-in layout, which waits for it. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe before /me answered');
  return me;
}
