import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { ApiError, idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import {
  actingCityOf,
  canApplyToCommission,
  canDecideMembershipRequest,
  type MembershipRequestStatus,
} from '../../auth/permissions';
import { t } from '../../i18n';
import { cityNameIn, type City } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { LoadMore } from '../../ui/load-more';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';
import { ReasonForm } from '../../ui/reason-form';

type MembershipRequest = Schemas['MembershipRequestResponse'];

const STATUSES = [
  'pending',
  'approved',
  'rejected',
  'ended',
] as const satisfies readonly MembershipRequestStatus[];

/** A commission's membership applications: apply for one's city; approve or reject for who may. */
export function Applications({ commissionId, cities }: { commissionId: string; cities: City[] | undefined }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const statusId = useId();
  const [status, setStatus] = useState<MembershipRequestStatus | ''>('pending');
  const requests = useCursorPages(['commissions', commissionId, 'requests', status], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/commissions/{id}/membership-requests', {
        params: {
          path: { id: commissionId },
          query: { limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );
  // An approval changes the members and the commission's count too.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['commissions', commissionId] });

  return (
    <section aria-labelledby="commission-applications" className="card">
      <h2 id="commission-applications">{t.commissions.applications}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={statusId}>{t.commissions.applicationStatus}</label>
          <select
            id={statusId}
            value={status}
            onChange={(e) => setStatus(e.target.value as MembershipRequestStatus | '')}
          >
            <option value="">{t.commissions.anyStatus}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </div>
      {requests.isPending || requests.error ? (
        <QueryState pending={requests.isPending} error={requests.error} />
      ) : requests.items.length === 0 ? (
        <p className="muted">{t.commissions.noApplications}</p>
      ) : (
        <ul className="plain">
          {requests.items.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              cityName={cityNameIn(cities, request.cityId)}
              mayDecide={canDecideMembershipRequest(me, commissionId, request)}
              onDecided={refresh}
            />
          ))}
        </ul>
      )}
      <LoadMore list={requests} />
      {canApplyToCommission(me) ? (
        <ApplyOrStanding commissionId={commissionId} cities={cities} onApplied={refresh} />
      ) : null}
    </section>
  );
}

function RequestItem({
  request,
  cityName,
  mayDecide,
  onDecided,
}: {
  request: MembershipRequest;
  cityName: string;
  mayDecide: boolean;
  onDecided: () => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const path = { id: request.commissionId, rid: request.id };
  const headers = () => ({ 'If-Match': ifMatch(request.version), 'Idempotency-Key': idempotencyKey() });
  const approve = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/commissions/{id}/membership-requests/{rid}/approval', {
          params: { path, header: headers() },
        }),
      ),
    onSuccess: onDecided,
  });
  const reject = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/api/v1/commissions/{id}/membership-requests/{rid}/rejection', {
          params: { path, header: headers() },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setRejecting(false);
      onDecided();
    },
  });
  return (
    <li className="card request" data-testid="membership-request">
      <p>
        <strong dir="auto">{cityName}</strong>{' '}
        <span className="status" data-testid="membership-request-status">
          {request.status}
        </span>{' '}
        <span className="muted">{t.commissions.appliedOn(request.createdAt.slice(0, 10))}</span>
      </p>
      <p dir="auto">{request.motivation}</p>
      {request.reason ? <p dir="auto">{t.commissions.decisionReason(request.reason)}</p> : null}
      <ProblemAlert
        error={approve.error}
        onReload={() => {
          approve.reset();
          onDecided();
        }}
      />
      {mayDecide ? (
        <>
          <div className="actions">
            <button
              type="button"
              disabled={approve.isPending}
              aria-label={t.commissions.approveOf(cityName)}
              onClick={() => approve.mutate()}
            >
              {t.commissions.approve}
            </button>
            <button
              type="button"
              className="secondary"
              aria-expanded={rejecting}
              aria-label={t.commissions.rejectOf(cityName)}
              onClick={() => setRejecting((shown) => !shown)}
            >
              {t.commissions.reject}
            </button>
          </div>
          {rejecting ? (
            <ReasonForm
              label={t.commissions.rejectionReason}
              field="reason"
              submitLabel={t.commissions.confirmReject}
              error={reject.error}
              pending={reject.isPending}
              onSubmit={(reason) => reject.mutate(reason)}
              onReload={onDecided}
            />
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/**
 * An officer's city that is a member already, or has applied, cannot apply again (409 from the API):
 * it is told where it stands instead. The secretariat applies for any city and gets the API's answer.
 */
function ApplyOrStanding({
  commissionId,
  cities,
  onApplied,
}: {
  commissionId: string;
  cities: City[] | undefined;
  onApplied: () => void;
}) {
  const me = useMe();
  const ownCity = actingCityOf(me);
  const standing = useQuery({
    queryKey: ['commissions', commissionId, 'standing', ownCity],
    enabled: ownCity !== null,
    queryFn: async () => {
      const city = ownCity ?? '';
      const [memberships, pending] = await Promise.all([
        api.GET('/api/v1/memberships', { params: { query: { cityId: city, commissionId } } }).then(unwrap),
        api
          .GET('/api/v1/commissions/{id}/membership-requests', {
            params: { path: { id: commissionId }, query: { status: 'pending', limit: 100 } },
          })
          .then(unwrap),
      ]);
      if (memberships.items.length > 0) return 'member' as const;
      return pending.items.some((request) => request.cityId === city)
        ? ('applied' as const)
        : ('none' as const);
    },
  });
  if (ownCity === null)
    return <ApplyForm commissionId={commissionId} cities={cities} onApplied={onApplied} />;
  if (standing.isPending || standing.error)
    return <QueryState pending={standing.isPending} error={standing.error} />;
  if (standing.data === 'none')
    return <ApplyForm commissionId={commissionId} cities={cities} onApplied={onApplied} />;
  return (
    <p className="notice" data-testid="commission-standing">
      {standing.data === 'member'
        ? t.commissions.alreadyMember(cityNameIn(cities, ownCity))
        : t.commissions.alreadyApplied(cityNameIn(cities, ownCity))}
    </p>
  );
}

function ApplyForm({
  commissionId,
  cities,
  onApplied,
}: {
  commissionId: string;
  cities: City[] | undefined;
  onApplied: () => void;
}) {
  const me = useMe();
  const ownCity = actingCityOf(me);
  const [cityId, setCityId] = useState(ownCity ?? '');
  const [motivation, setMotivation] = useState('');
  const apply = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/commissions/{id}/membership-requests', {
          params: { path: { id: commissionId }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { cityId, motivation: motivation.trim() },
        }),
      ),
    onSuccess: () => {
      setMotivation('');
      onApplied();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate();
  };
  const error = apply.error;
  const members = (cities ?? []).filter((city) => city.membershipStatus === 'member');
  return (
    <form className="stack apply" onSubmit={submit} noValidate aria-labelledby="commission-apply">
      <h3 id="commission-apply">{t.commissions.apply}</h3>
      {error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? (
        <p role="alert" className="error">
          {t.commissions.applyInvalid}
        </p>
      ) : (
        <ProblemAlert error={error} onReload={onApplied} />
      )}
      {apply.isSuccess ? (
        <p role="status" className="notice">
          {t.commissions.applied}
        </p>
      ) : null}
      <FormField label={t.commissions.applyingCity} field="cityId" error={error}>
        {(control) => (
          <select {...control} required value={cityId} onChange={(e) => setCityId(e.target.value)}>
            {ownCity ? (
              <option value={ownCity}>{cityNameIn(cities, ownCity)}</option>
            ) : (
              <>
                <option value="">{t.commissions.chooseCity}</option>
                {members.map((city) => (
                  <option key={city.id} value={city.id}>
                    {city.name}
                  </option>
                ))}
              </>
            )}
          </select>
        )}
      </FormField>
      <FormField label={t.commissions.motivation} field="motivation" error={error}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={3}
            dir="auto"
            value={motivation}
            onChange={(e) => setMotivation(e.target.value)}
          />
        )}
      </FormField>
      <UnplacedFieldErrors error={error} placed={['cityId', 'motivation']} />
      <div>
        <button type="submit" disabled={apply.isPending}>
          {apply.isPending ? t.commissions.applying : t.commissions.submitApply}
        </button>
      </div>
    </form>
  );
}
