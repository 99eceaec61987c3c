import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { actionStatusesFor, type ActionStatus } from '../../auth/permissions';
import { t } from '../../i18n';
import { cityNameIn, type City } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';

type Action = Schemas['ActionResponse'];

/** A commission's resolutions and declarations, newest first, each with its follow-up actions. */
export function Resolutions({ commissionId, cities }: { commissionId: string; cities: City[] | undefined }) {
  const queryKey = ['commissions', commissionId, 'resolutions'];
  const resolutions = useCursorPages(queryKey, async (cursor) =>
    unwrap(
      await api.GET('/api/v1/commissions/{id}/resolutions', {
        params: { path: { id: commissionId }, query: { limit: 10, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <section aria-labelledby="commission-resolutions" className="card">
      <h2 id="commission-resolutions">{t.commissions.resolutions}</h2>
      {resolutions.isPending || resolutions.error ? (
        <QueryState pending={resolutions.isPending} error={resolutions.error} />
      ) : resolutions.items.length === 0 ? (
        <p className="muted">{t.commissions.noResolutions}</p>
      ) : (
        <ul className="plain">
          {resolutions.items.map((resolution) => (
            <li key={resolution.id} className="resolution">
              <h3 dir="auto">{resolution.title}</h3>
              <p className="muted">
                {t.commissions.kinds[resolution.kind] ?? resolution.kind} ·{' '}
                {t.commissions.adoptedOn(resolution.createdAt.slice(0, 10))}
              </p>
              <p dir="auto">{resolution.text}</p>
              {resolution.actions.length === 0 ? null : (
                <table>
                  <caption>{t.commissions.followUp}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.commissions.action}</th>
                      <th scope="col">{t.commissions.owner}</th>
                      <th scope="col">{t.commissions.dueDate}</th>
                      <th scope="col">{t.commissions.actionStatus}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {resolution.actions.map((action) => (
                      <ActionRow
                        key={action.id}
                        commissionId={commissionId}
                        action={action}
                        ownerName={cityNameIn(cities, action.ownerCityId)}
                        onChanged={() => resolutions.refetch()}
                      />
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={resolutions} />
    </section>
  );
}

function ActionRow({
  commissionId,
  action,
  ownerName,
  onChanged,
}: {
  commissionId: string;
  action: Action;
  ownerName: string;
  onChanged: () => void;
}) {
  const me = useMe();
  const queryClient = useQueryClient();
  const selectId = useId();
  const choices = actionStatusesFor(me, commissionId, action);
  const [next, setNext] = useState<ActionStatus | ''>('');
  const change = useMutation({
    mutationFn: async (status: ActionStatus) =>
      unwrap(
        await api.PATCH('/api/v1/commissions/{id}/resolutions/{rid}/actions/{aid}', {
          params: {
            path: { id: commissionId, rid: action.resolutionId, aid: action.id },
            header: { 'If-Match': ifMatch(action.version) },
          },
          body: { status },
        }),
      ),
    onSuccess: async () => {
      setNext('');
      await queryClient.invalidateQueries({ queryKey: ['overdue-actions'] });
      onChanged();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next) change.mutate(next);
  };
  return (
    <tr data-testid="follow-up-action">
      <td dir="auto">{action.description}</td>
      <td dir="auto">{ownerName}</td>
      <td>{action.dueDate}</td>
      <td>
        <span className="status" data-testid="action-status">
          {action.status}
        </span>
        {choices.length > 0 ? (
          <form className="inline" onSubmit={submit}>
            <label htmlFor={selectId} className="visually-hidden">
              {t.commissions.newStatusOf(action.description)}
            </label>
            <select id={selectId} value={next} onChange={(e) => setNext(e.target.value as ActionStatus | '')}>
              <option value="">{t.commissions.chooseStatus}</option>
              {choices.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>{' '}
            <button type="submit" className="secondary" disabled={!next || change.isPending}>
              {t.commissions.changeStatus}
            </button>
          </form>
        ) : null}
        <ProblemAlert
          error={change.error}
          onReload={() => {
            change.reset();
            onChanged();
          }}
        />
      </td>
    </tr>
  );
}
