import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { idempotencyKey, unwrap } from '../../api/problem';
import type { paths } from '../../api/schema';
import { t } from '../../i18n';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';

type Notification = Schemas['NotificationResponse'];
type NotificationType = NonNullable<
  NonNullable<paths['/api/v1/notifications']['get']['parameters']['query']>['type']
>;

/** The types a notification can have (the API's filter values), grouped as the catalogue lists them. */
const NOTIFICATION_TYPES = [
  'c2c.city.registered.v1',
  'c2c.city.membership-changed.v1',
  'c2c.city.archived.v1',
  'c2c.partnership.proposed.v1',
  'c2c.partnership.accepted.v1',
  'c2c.partnership.declined.v1',
  'c2c.partnership.withdrawn.v1',
  'c2c.partnership.activated.v1',
  'c2c.partnership.suspended.v1',
  'c2c.partnership.resumed.v1',
  'c2c.partnership.terminated.v1',
  'c2c.partnership.expired.v1',
  'c2c.partnership.dormant.v1',
  'c2c.partnership.renewal-due.v1',
  'c2c.partnership.activity-recorded.v1',
  'c2c.commission.membership-requested.v1',
  'c2c.commission.member-admitted.v1',
  'c2c.commission.membership-rejected.v1',
  'c2c.commission.member-left.v1',
  'c2c.commission.chair-changed.v1',
  'c2c.commission.meeting-scheduled.v1',
  'c2c.commission.meeting-held.v1',
  'c2c.commission.meeting-cancelled.v1',
  'c2c.commission.resolution-adopted.v1',
  'c2c.commission.action-status-changed.v1',
  'c2c.commission.action-overdue.v1',
  'c2c.best-practice.submitted.v1',
  'c2c.best-practice.published.v1',
  'c2c.best-practice.returned.v1',
] as const satisfies readonly NotificationType[];

const PAGE_SIZE = 20;

export function Component() {
  const queryClient = useQueryClient();
  const typeId = useId();
  const [type, setType] = useState<NotificationType | ''>('');
  const list = useCursorPages(['notifications', 'inbox', type], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/notifications', {
        params: { query: { limit: PAGE_SIZE, ...(type ? { type } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  // The same query as the navigation's badge, so both show one count.
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } })).unreadCount,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });

  const markRead = useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/api/v1/notifications/{id}/read', {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/notifications/read-all', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: refresh,
  });

  return (
    <div className="page inbox">
      <h1>{t.inbox.heading}</h1>
      <p data-testid="unread-count" aria-live="polite">
        {unread.data === undefined ? t.loading : t.inbox.unreadCount(unread.data)}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={typeId}>{t.inbox.type}</label>
          <select id={typeId} value={type} onChange={(e) => setType(e.target.value as NotificationType | '')}>
            <option value="">{t.inbox.anyType}</option>
            {NOTIFICATION_TYPES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary"
          disabled={markAll.isPending || unread.data === 0}
          onClick={() => markAll.mutate()}
        >
          {t.inbox.markAllRead}
        </button>
      </div>
      {markAll.data ? (
        <p className="notice" role="status">
          {t.inbox.markedAll(markAll.data.marked)}
        </p>
      ) : null}
      <ProblemAlert error={markAll.error ?? markRead.error} onReload={refresh} />
      {list.isPending || list.error ? (
        <QueryState pending={list.isPending} error={list.error} />
      ) : list.items.length === 0 ? (
        <p className="muted">{t.inbox.empty}</p>
      ) : (
        <ul className="notifications">
          {list.items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              marking={markRead.isPending && markRead.variables === notification.id}
              onMarkRead={() => markRead.mutate(notification.id)}
            />
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </div>
  );
}

function NotificationItem({
  notification,
  marking,
  onMarkRead,
}: {
  notification: Notification;
  marking: boolean;
  onMarkRead: () => void;
}) {
  const isUnread = notification.readAt === null;
  return (
    <li className={isUnread ? 'card notification unread' : 'card notification'}>
      <p>
        {isUnread ? <span className="badge">{t.inbox.unreadMark}</span> : null}{' '}
        <strong dir="auto">{notification.subject}</strong>{' '}
        <span className="muted">
          <time dateTime={notification.occurredAt}>
            {notification.occurredAt.slice(0, 16).replace('T', ' ')}
          </time>{' '}
          · {notification.type}
        </span>
      </p>
      <p dir="auto">{notification.body}</p>
      {isUnread ? (
        <button
          type="button"
          className="secondary"
          disabled={marking}
          aria-label={t.inbox.markReadOf(notification.subject)}
          onClick={onMarkRead}
        >
          {t.inbox.markRead}
        </button>
      ) : null}
    </li>
  );
}
