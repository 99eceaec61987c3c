import { t } from '../i18n';

/** The next page of a cursor list, offered only while there is one. */
export function LoadMore({
  list,
}: {
  list: { hasMore: boolean; loadingMore: boolean; loadMore: () => void };
}) {
  if (!list.hasMore) return null;
  return (
    <button type="button" className="secondary load-more" disabled={list.loadingMore} onClick={list.loadMore}>
      {list.loadingMore ? t.loading : t.loadMore}
    </button>
  );
}
