import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useCursorPages } from '../../ui/cursor-pages';

/** A commission's member cities, page by page: one cache for the members table and the attendance form. */
export const useCommissionMembers = (commissionId: string) =>
  useCursorPages(['commissions', commissionId, 'members'], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/commissions/{id}/members', {
        params: { path: { id: commissionId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
