import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { ApiError, unwrap } from '../../api/problem';
import { t } from '../../i18n';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';

type Commission = Schemas['CommissionPageResponse'];
type Member = Schemas['MembershipResponse'];

/** Enough pages for any commission of the forum; the officers are chosen among its members. */
const MAX_PAGES = 5;

async function allMembers(commissionId: string): Promise<Member[]> {
  const members: Member[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = unwrap(
      await api.GET('/api/v1/commissions/{id}/members', {
        params: { path: { id: commissionId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    members.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return members.sort((a, b) => (a.cityName ?? a.cityId).localeCompare(b.cityName ?? b.cityId));
}

/** The secretariat sets the chair and vice-chairs among the member cities (PATCH under If-Match). */
export function OfficersForm({ commission, onReload }: { commission: Commission; onReload: () => void }) {
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: ['commissions', commission.id, 'all-members'],
    queryFn: () => allMembers(commission.id),
  });
  const [chair, setChair] = useState(commission.chairCityId ?? '');
  const [viceChairs, setViceChairs] = useState<string[]>(commission.viceChairCityIds);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/v1/commissions/{id}', {
          params: { path: { id: commission.id }, header: { 'If-Match': ifMatch(commission.version) } },
          body: { chairCityId: chair || null, viceChairCityIds: viceChairs.filter((id) => id !== chair) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commissions'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const reload = () => {
    save.reset();
    onReload();
  };
  const error = save.error;
  return (
    <section aria-labelledby="commission-officers" className="card">
      <h2 id="commission-officers">{t.commissions.officers}</h2>
      {members.isPending || members.error ? (
        <QueryState pending={members.isPending} error={members.error} />
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          {error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? (
            <p role="alert" className="error">
              {t.commissions.officersInvalid}
            </p>
          ) : (
            <ProblemAlert error={error} onReload={reload} />
          )}
          {save.isSuccess ? (
            <p role="status" className="notice">
              {t.commissions.officersSaved}
            </p>
          ) : null}
          <FormField label={t.commissions.chair} field="chairCityId" error={error}>
            {(control) => (
              <select {...control} value={chair} onChange={(e) => setChair(e.target.value)}>
                <option value="">{t.commissions.noChair}</option>
                {members.data.map((member) => (
                  <option key={member.cityId} value={member.cityId}>
                    {member.cityName ?? member.cityId}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            label={t.commissions.viceChairs}
            field="viceChairCityIds"
            error={error}
            hint={t.commissions.viceChairsHint}
          >
            {(control) => (
              <select
                {...control}
                multiple
                size={Math.min(6, Math.max(2, members.data.length))}
                value={viceChairs}
                onChange={(e) => setViceChairs([...e.target.selectedOptions].map((option) => option.value))}
              >
                {members.data
                  .filter((member) => member.cityId !== chair)
                  .map((member) => (
                    <option key={member.cityId} value={member.cityId}>
                      {member.cityName ?? member.cityId}
                    </option>
                  ))}
              </select>
            )}
          </FormField>
          <UnplacedFieldErrors error={error} placed={['chairCityId', 'viceChairCityIds']} />
          <div>
            <button type="submit" disabled={save.isPending}>
              {t.commissions.saveOfficers}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
