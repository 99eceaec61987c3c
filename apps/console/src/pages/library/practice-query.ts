import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** One practice with its transfers: one cache entry for its page and its revision form. */
export const usePractice = (id: string) =>
  useQuery({
    queryKey: ['best-practices', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/best-practices/{id}', { params: { path: { id } } })),
  });
