import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { pendingCitiesFor } from '../../auth/permissions';
import { t } from '../../i18n';
import { QueryState } from '../../ui/problem-alert';

type Partnership = Schemas['PartnershipResponse'];

const RENEWAL_WINDOW_DAYS = 90;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Up to `pages` pages of my city's (or, for everyone else, all) partnerships in one status. */
async function partnershipsIn(
  status: Partnership['status'],
  cityId: string | undefined,
): Promise<Partnership[]> {
  const items: Partnership[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const query = { status, limit: 100, ...(cityId ? { cityId } : {}), ...(cursor ? { cursor } : {}) };
    const result = unwrap(await api.GET('/api/v1/partnerships', { params: { query } }));
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export function Component() {
  const me = useMe();
  const cityId = me.cityId ?? undefined;
  const proposed = useQuery({
    queryKey: ['partnerships', 'proposed', cityId],
    queryFn: () => partnershipsIn('proposed', cityId),
  });
  const active = useQuery({
    queryKey: ['partnerships', 'active', cityId],
    queryFn: () => partnershipsIn('active', cityId),
  });
  const notifications = useQuery({
    queryKey: ['notifications', 'home'],
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications', { params: { query: { limit: 50 } } })),
  });
  const overdue = useQuery({ queryKey: ['overdue-actions'], queryFn: overdueActions });
  const numbers = useQuery({ queryKey: ['forum-numbers'], queryFn: forumNumbers });

  const awaiting = (proposed.data ?? []).filter((p) => pendingCitiesFor(me, p).length > 0);
  const dormant = (active.data ?? []).filter((p) => p.dormant);
  const renewals = (active.data ?? []).filter(
    (p) => p.endDate !== null && p.endDate >= today() && p.endDate <= inDays(RENEWAL_WINDOW_DAYS),
  );
  const unread = (notifications.data?.items ?? []).filter((n) => n.readAt === null);

  return (
    <div className="page home">
      <h1>{t.home.heading}</h1>
      <Section id="awaiting" title={t.home.awaiting} query={proposed}>
        <PartnershipItems items={awaiting} detail={(p) => p.participants.map((x) => x.name).join(' · ')} />
      </Section>
      <Section id="overdue" title={t.home.overdue} query={overdue}>
        <List
          items={overdue.data ?? []}
          render={(action) => (
            <>
              <Link to={`/commissions/${action.commissionId}`}>{action.description}</Link>{' '}
              <span className="muted">{t.home.due(action.dueDate)}</span>
            </>
          )}
        />
      </Section>
      <Section id="unread" title={t.home.unread} query={notifications}>
        <List
          items={unread.slice(0, 10)}
          render={(n) => (
            <>
              <strong>{n.subject}</strong> <span className="muted">{n.occurredAt.slice(0, 10)}</span>
            </>
          )}
        />
      </Section>
      <Section id="dormant" title={t.home.dormant} query={active}>
        <PartnershipItems items={dormant} detail={(p) => t.home.lastActivity(p.lastActivityOn)} />
      </Section>
      <Section id="renewals" title={t.home.renewals} query={active}>
        <PartnershipItems items={renewals} detail={(p) => t.home.ends(p.endDate ?? '')} />
      </Section>
      <Section id="numbers" title={t.home.numbers} query={numbers}>
        {numbers.data ? (
          <dl className="numbers">
            {numbers.data.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </Section>
    </div>
  );
}

function Section({
  id,
  title,
  query,
  children,
}: {
  id: string;
  title: string;
  query: { isPending: boolean; error: unknown };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`home-${id}`} className="card">
      <h2 id={`home-${id}`}>{title}</h2>
      {query.isPending || query.error ? (
        <QueryState pending={query.isPending} error={query.error} />
      ) : (
        children
      )}
    </section>
  );
}

function List<T extends { id: string }>({ items, render }: { items: T[]; render: (item: T) => ReactNode }) {
  if (items.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <ul className="items">
      {items.map((item) => (
        <li key={item.id}>{render(item)}</li>
      ))}
    </ul>
  );
}

function PartnershipItems({ items, detail }: { items: Partnership[]; detail: (p: Partnership) => string }) {
  return (
    <List
      items={items}
      render={(p) => (
        <>
          <Link to={`/partnerships/${p.id}`} dir="auto">
            {p.title}
          </Link>{' '}
          <span className="muted">{detail(p)}</span>
        </>
      )}
    />
  );
}

interface OverdueAction {
  id: string;
  commissionId: string;
  description: string;
  dueDate: string;
}

/** Follow-up actions of every commission's resolutions that are past due and not done. */
async function overdueActions(): Promise<OverdueAction[]> {
  const commissions = unwrap(await api.GET('/api/v1/commissions')).items;
  const overdue: OverdueAction[] = [];
  await Promise.all(
    commissions.map(async (commission) => {
      const resolutions = unwrap(
        await api.GET('/api/v1/commissions/{id}/resolutions', {
          params: { path: { id: commission.id }, query: { limit: 100 } },
        }),
      ).items;
      for (const resolution of resolutions) {
        for (const action of resolution.actions) {
          if (action.status !== 'done' && action.status !== 'dropped' && action.dueDate < today()) {
            overdue.push({
              id: action.id,
              commissionId: commission.id,
              description: action.description,
              dueDate: action.dueDate,
            });
          }
        }
      }
    }),
  );
  return overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Counts from the first page of each list: exact below 100, "100+" beyond (the API has no count). */
async function forumNumbers(): Promise<[string, string][]> {
  const count = (page: { items: unknown[]; nextCursor: string | null }) =>
    page.nextCursor ? `${page.items.length}+` : String(page.items.length);
  const [cities, activeP, proposedP, commissions] = await Promise.all([
    api.GET('/api/v1/cities', { params: { query: { limit: 100, membership: 'member' } } }).then(unwrap),
    api.GET('/api/v1/partnerships', { params: { query: { limit: 100, status: 'active' } } }).then(unwrap),
    api.GET('/api/v1/partnerships', { params: { query: { limit: 100, status: 'proposed' } } }).then(unwrap),
    api.GET('/api/v1/commissions').then(unwrap),
  ]);
  return [
    [t.home.cities, count(cities)],
    [t.home.partnershipsActive, count(activeP)],
    [t.home.partnershipsProposed, count(proposedP)],
    [t.home.commissions, count(commissions)],
  ];
}
