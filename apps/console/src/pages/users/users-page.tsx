import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canChangeUserState } from '../../auth/permissions';
import { t } from '../../i18n';
import { cityNameIn, useCityOptions } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';
import { CreateUserForm } from './create-user-form';

type User = Schemas['UserDto'];

const USERS_KEY = ['users', 'list'] as const;

/** The platform's accounts (secretariat only): who may sign in, as what, and for which city. */
export function Component() {
  const me = useMe();
  const queryClient = useQueryClient();
  const cities = useCityOptions();
  const list = useCursorPages<User>(USERS_KEY, async (cursor) =>
    unwrap(
      await api.GET('/api/v1/users', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  const [confirming, setConfirming] = useState<User | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const changeState = useMutation({
    mutationFn: async ({ user, to }: { user: User; to: 'deactivated' | 'active' }) => {
      const params = { path: { id: user.id }, header: { 'Idempotency-Key': idempotencyKey() } };
      return unwrap(
        to === 'deactivated'
          ? await api.POST('/api/v1/users/{id}/deactivation', { params })
          : await api.POST('/api/v1/users/{id}/reactivation', { params }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });

  const askToDeactivate = (user: User) => {
    setConfirming(user);
    dialog.current?.showModal();
  };
  const closeDialog = () => {
    dialog.current?.close();
    setConfirming(null);
  };

  return (
    <div className="page users">
      <h1>{t.users.heading}</h1>
      <ProblemAlert error={changeState.error} onReload={() => list.refetch()} />
      <section aria-labelledby="users-list" className="card">
        <h2 id="users-list">{t.users.list}</h2>
        {list.isPending || list.error ? (
          <QueryState pending={list.isPending} error={list.error} />
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.users.email}</th>
                <th scope="col">{t.users.name}</th>
                <th scope="col">{t.users.role}</th>
                <th scope="col">{t.users.city}</th>
                <th scope="col">{t.users.state}</th>
                <th scope="col">{t.partnerships.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((user) => {
                const active = user.deactivatedAt === null;
                return (
                  <tr key={user.id}>
                    <td>{user.email}</td>
                    <td>
                      <bdi>{user.name}</bdi>
                    </td>
                    <td>{user.roles.map((role) => t.roles[role] ?? role).join(', ')}</td>
                    <td>{user.cityId ? cityNameIn(cities.data, user.cityId) : t.users.noCity}</td>
                    <td>{active ? t.users.active : t.users.inactive}</td>
                    <td>
                      {canChangeUserState(me, user) ? (
                        active ? (
                          <button
                            type="button"
                            className="danger"
                            aria-label={t.users.deactivateLabel(user.email)}
                            onClick={() => askToDeactivate(user)}
                          >
                            {t.users.deactivate}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="secondary"
                            aria-label={t.users.reactivateLabel(user.email)}
                            disabled={changeState.isPending}
                            onClick={() => changeState.mutate({ user, to: 'active' })}
                          >
                            {t.users.reactivate}
                          </button>
                        )
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <LoadMore list={list} />
      </section>

      <section aria-labelledby="users-create" className="card">
        <h2 id="users-create">{t.users.create}</h2>
        <CreateUserForm
          cities={cities.data ?? []}
          onCreated={() => void queryClient.invalidateQueries({ queryKey: USERS_KEY })}
        />
      </section>

      <dialog ref={dialog} aria-labelledby="deactivate-title" onClose={() => setConfirming(null)}>
        <h2 id="deactivate-title">{t.users.confirmTitle}</h2>
        <p>{confirming ? t.users.confirmDeactivate(confirming.email) : null}</p>
        <div className="actions">
          <button
            type="button"
            className="danger"
            disabled={changeState.isPending}
            onClick={() => {
              if (confirming) changeState.mutate({ user: confirming, to: 'deactivated' });
              closeDialog();
            }}
          >
            {t.lifecycle.confirm}
          </button>
          <button type="button" className="secondary" onClick={closeDialog}>
            {t.cancel}
          </button>
        </div>
      </dialog>
    </div>
  );
}
