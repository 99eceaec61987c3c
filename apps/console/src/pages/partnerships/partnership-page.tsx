import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { partnershipActionsFor, type PartnershipAction } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { QueryState } from '../../ui/problem-alert';
import { ActionPanel } from './action-panel';
import type { VersionedPartnership } from './vocabulary';

const ACTION_LABELS: Record<PartnershipAction, string> = {
  accept: t.lifecycle.accept,
  decline: t.lifecycle.decline,
  withdraw: t.lifecycle.withdraw,
  suspend: t.lifecycle.suspend,
  resume: t.lifecycle.resume,
  terminate: t.lifecycle.terminate,
  'record-activity': t.lifecycle.recordActivity,
};

export const partnershipKey = (id: string) => ['partnership', id] as const;

/** One partnership: who takes part, what this user may do with it now, and what happened to it. */
export function Component() {
  const { id = '' } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<PartnershipAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = useQuery({
    queryKey: partnershipKey(id),
    queryFn: async (): Promise<VersionedPartnership> => {
      const result = await api.GET('/api/v1/partnerships/{id}', { params: { path: { id } } });
      const partnership = unwrap(result);
      return { partnership, etag: result.response.headers.get('etag') ?? `W/"${partnership.version}"` };
    },
  });
  const history = useCursorPages(['partnership-history', id], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/partnerships/{id}/history', {
        params: { path: { id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );

  if (current.isPending || current.error) {
    return (
      <div className="page">
        <QueryState pending={current.isPending} error={current.error} />
      </div>
    );
  }
  const { partnership } = current.data;
  const actions = partnershipActionsFor(me, partnership);
  const cityName = (cityId: string | null) =>
    partnership.participants.find((participant) => participant.cityId === cityId)?.name ?? cityId ?? '';

  const reload = async () => {
    setOpen(null);
    await queryClient.invalidateQueries({ queryKey: partnershipKey(id) });
  };
  const changed = async (message: string) => {
    setOpen(null);
    setDone(message);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: partnershipKey(id) }),
      queryClient.invalidateQueries({ queryKey: ['partnership-history', id] }),
      queryClient.invalidateQueries({ queryKey: ['partnerships'] }),
    ]);
  };

  return (
    <div className="page partnership">
      <h1 dir="auto">{partnership.title}</h1>
      <p>
        {t.partnerships.status}:{' '}
        <span className="status" data-testid="partnership-status">
          {partnership.status}
        </span>
        {partnership.dormant ? <span className="muted"> ({t.partnerships.dormant})</span> : null}
      </p>
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}

      {actions.length > 0 ? (
        <section aria-labelledby="partnership-actions" className="card">
          <h2 id="partnership-actions">{t.partnerships.actions}</h2>
          <div className="actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={open === action ? undefined : 'secondary'}
                aria-expanded={open === action}
                onClick={() => {
                  setDone(null);
                  setOpen(open === action ? null : action);
                }}
              >
                {ACTION_LABELS[action]}
              </button>
            ))}
          </div>
          {open ? (
            <ActionPanel
              key={open}
              action={open}
              current={current.data}
              onDone={(message) => void changed(message)}
              onReload={() => void reload()}
              onCancel={() => setOpen(null)}
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="partnership-participants" className="card">
        <h2 id="partnership-participants">{t.partnerships.participants}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.cities.name}</th>
              <th scope="col">{t.partnerships.country}</th>
              <th scope="col">{t.partnerships.role}</th>
              <th scope="col">{t.partnerships.acceptance}</th>
            </tr>
          </thead>
          <tbody>
            {partnership.participants.map((participant) => (
              <tr key={participant.cityId}>
                <td>
                  <Link to={`/cities/${participant.cityId}`} dir="auto">
                    {participant.name}
                  </Link>
                </td>
                <td>{participant.countryCode}</td>
                <td>{participant.role === 'proposer' ? t.partnerships.proposer : t.partnerships.partner}</td>
                <td>
                  {participant.acceptedAt
                    ? t.partnerships.acceptedOn(participant.acceptedAt.slice(0, 10))
                    : t.partnerships.awaitingAcceptance}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="partnership-details" className="card">
        <h2 id="partnership-details">{t.partnerships.details}</h2>
        <dl className="facts">
          <dt>{t.partnerships.type}</dt>
          <dd>{t.partnerships.types[partnership.type] ?? partnership.type}</dd>
          <dt>{t.partnerships.areas}</dt>
          <dd>
            {partnership.cooperationAreas.map((area) => t.partnerships.areaNames[area] ?? area).join(', ')}
          </dd>
          <dt>{t.partnerships.sdgs}</dt>
          <dd>{partnership.sdgTags.length > 0 ? partnership.sdgTags.join(', ') : '—'}</dd>
          <dt>{t.partnerships.startDate}</dt>
          <dd>{partnership.startDate ?? '—'}</dd>
          <dt>{t.partnerships.endDate}</dt>
          <dd>{partnership.endDate ?? '—'}</dd>
          <dt>{t.partnerships.lastActivity}</dt>
          <dd>{partnership.lastActivityOn ?? '—'}</dd>
          {partnership.description ? (
            <>
              <dt>{t.partnerships.description}</dt>
              <dd dir="auto">{partnership.description}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="partnership-history" className="card">
        <h2 id="partnership-history">{t.partnerships.history}</h2>
        {history.isPending || history.error ? (
          <QueryState pending={history.isPending} error={history.error} />
        ) : (
          <ol className="timeline">
            {history.items.map((entry) => (
              <li key={entry.eventId}>
                <time dateTime={entry.at}>{entry.at.slice(0, 16).replace('T', ' ')}</time>{' '}
                <strong>{entry.action}</strong>{' '}
                <span className="status">{t.history.transition(entry.fromStatus, entry.toStatus)}</span>
                {entry.cityId ? (
                  <>
                    {' '}
                    <bdi>{t.history.by(cityName(entry.cityId))}</bdi>
                  </>
                ) : null}
                {entry.actorId === null ? <span className="muted"> {t.history.byPlatform}</span> : null}
                {entry.reason ? (
                  <p className="muted" dir="auto">
                    {entry.reason}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <LoadMore list={history} />
      </section>
    </div>
  );
}
