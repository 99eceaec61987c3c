import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ApiError, idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { pendingCitiesFor, type PartnershipAction } from '../../auth/permissions';
import { t } from '../../i18n';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { ProblemAlert } from '../../ui/problem-alert';
import { ACTIVITY_KINDS, type ActivityKind, type VersionedPartnership } from './vocabulary';

type StatusChange = 'withdraw' | 'suspend' | 'resume' | 'terminate';

const STATUS_CHANGE_PATHS = {
  withdraw: '/api/v1/partnerships/{id}/withdrawal',
  suspend: '/api/v1/partnerships/{id}/suspension',
  resume: '/api/v1/partnerships/{id}/resumption',
  terminate: '/api/v1/partnerships/{id}/termination',
} as const;

interface PanelProps {
  readonly action: PartnershipAction;
  readonly current: VersionedPartnership;
  readonly onDone: (message: string) => void;
  readonly onReload: () => void;
  readonly onCancel: () => void;
}

/**
 * The form behind one lifecycle button. Every change names the version it was made on (If-Match),
 * so a change by someone else in between comes back as a 412 with a way to reload, and carries an
 * Idempotency-Key so a retried request is not applied twice.
 */
export function ActionPanel(props: PanelProps) {
  switch (props.action) {
    case 'accept':
    case 'decline':
      return <AnswerForm {...props} answer={props.action} />;
    case 'record-activity':
      return <ActivityForm {...props} />;
    default:
      return <StatusChangeForm {...props} change={props.action} />;
  }
}

/** The headers of a change to the version on screen. */
const changeHeaders = (current: VersionedPartnership) => ({
  'If-Match': current.etag,
  'Idempotency-Key': idempotencyKey(),
});

function PanelForm({
  error,
  pending,
  placed,
  onSubmit,
  onReload,
  onCancel,
  children,
}: {
  error: unknown;
  pending: boolean;
  placed: readonly string[];
  onSubmit: () => void;
  onReload: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const hasFieldErrors = error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0;
  return (
    <form className="stack action-form" onSubmit={submit} noValidate>
      {hasFieldErrors ? null : <ProblemAlert error={error} onReload={onReload} />}
      {children}
      <UnplacedFieldErrors error={error} placed={placed} />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t.lifecycle.confirm}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function CityChoice({
  label,
  cities,
  value,
  onChange,
  error,
}: {
  label: string;
  cities: readonly { cityId: string; name: string }[];
  value: string;
  onChange: (cityId: string) => void;
  error: unknown;
}) {
  if (cities.length < 2) return null;
  return (
    <FormField label={label} field="cityId" error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {cities.map((city) => (
            <option key={city.cityId} value={city.cityId}>
              {city.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function AnswerForm({
  answer,
  current,
  onDone,
  onReload,
  onCancel,
}: PanelProps & { answer: 'accept' | 'decline' }) {
  const me = useMe();
  const { partnership } = current;
  const pending = pendingCitiesFor(me, partnership);
  const cities = partnership.participants.filter((participant) => pending.includes(participant.cityId));
  const [cityId, setCityId] = useState(pending[0] ?? '');
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: async () => {
      const params = { path: { id: partnership.id }, header: changeHeaders(current) };
      if (answer === 'accept') {
        return unwrap(await api.POST('/api/v1/partnerships/{id}/acceptances', { params, body: { cityId } }));
      }
      const body = { cityId, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      return unwrap(await api.POST('/api/v1/partnerships/{id}/declines', { params, body }));
    },
    onSuccess: () => onDone(t.partnerships.actionDone),
  });
  return (
    <PanelForm
      error={mutation.error}
      pending={mutation.isPending}
      placed={['cityId', 'reason']}
      onSubmit={() => mutation.mutate()}
      onReload={onReload}
      onCancel={onCancel}
    >
      <CityChoice
        label={answer === 'accept' ? t.lifecycle.acceptFor : t.lifecycle.declineFor}
        cities={cities}
        value={cityId}
        onChange={setCityId}
        error={mutation.error}
      />
      {answer === 'decline' ? (
        <FormField label={t.lifecycle.reasonOptional} field="reason" error={mutation.error}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              dir="auto"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </FormField>
      ) : null}
    </PanelForm>
  );
}

function StatusChangeForm({
  change,
  current,
  onDone,
  onReload,
  onCancel,
}: PanelProps & { change: StatusChange }) {
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST(STATUS_CHANGE_PATHS[change], {
          params: { path: { id: current.partnership.id }, header: changeHeaders(current) },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: () => onDone(t.partnerships.actionDone),
  });
  return (
    <PanelForm
      error={mutation.error}
      pending={mutation.isPending}
      placed={['reason']}
      onSubmit={() => mutation.mutate()}
      onReload={onReload}
      onCancel={onCancel}
    >
      <FormField label={t.lifecycle.reason} field="reason" error={mutation.error}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            required
            dir="auto"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </FormField>
    </PanelForm>
  );
}

const ACTIVITY_FIELDS = [
  'kind',
  'title',
  'startDate',
  'endDate',
  'participatingCityIds',
  'outcomes',
  'practiceTransfer.bestPracticeId',
  'practiceTransfer.sourceCityId',
  'practiceTransfer.adoptingCityId',
] as const;

/** An activity of the partnership; a practice transfer names the library's practice and who adopts it. */
function ActivityForm({ current, onDone, onReload, onCancel }: PanelProps) {
  const { partnership } = current;
  const participants = partnership.participants;
  const [kind, setKind] = useState<ActivityKind>('peer-exchange');
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState(new Date().toISOString().slice(0, 10));
  const [endDate, setEndDate] = useState('');
  const [cityIds, setCityIds] = useState(participants.map((participant) => participant.cityId));
  const [outcomes, setOutcomes] = useState('');
  const [practiceId, setPracticeId] = useState('');
  const [sourceCityId, setSourceCityId] = useState(participants[0]?.cityId ?? '');
  const [adoptingCityId, setAdoptingCityId] = useState(participants[1]?.cityId ?? '');
  const transfer = kind === 'practice-transfer';
  const practices = useQuery({
    queryKey: ['best-practices', 'published', 'choices'],
    enabled: transfer,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/best-practices', { params: { query: { status: 'published', limit: 100 } } }),
      ).items,
  });
  const mutation = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/partnerships/{id}/activities', {
          params: { path: { id: partnership.id }, header: changeHeaders(current) },
          body: {
            kind,
            title: title.trim(),
            startDate,
            participatingCityIds: cityIds,
            ...(endDate ? { endDate } : {}),
            ...(outcomes.trim() ? { outcomes: outcomes.trim() } : {}),
            ...(transfer
              ? { practiceTransfer: { bestPracticeId: practiceId, sourceCityId, adoptingCityId } }
              : {}),
          },
        }),
      ),
    onSuccess: () => onDone(t.lifecycle.recorded),
  });
  const error = mutation.error;
  const cityOptions = participants.map((participant) => (
    <option key={participant.cityId} value={participant.cityId}>
      {participant.name}
    </option>
  ));
  return (
    <PanelForm
      error={error}
      pending={mutation.isPending}
      placed={ACTIVITY_FIELDS}
      onSubmit={() => mutation.mutate()}
      onReload={onReload}
      onCancel={onCancel}
    >
      <FormField label={t.lifecycle.activityKind} field="kind" error={error}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
            {ACTIVITY_KINDS.map((value) => (
              <option key={value} value={value}>
                {t.lifecycle.kinds[value] ?? value}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.lifecycle.activityTitle} field="title" error={error}>
        {(control) => (
          <input {...control} required dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </FormField>
      <FormField label={t.lifecycle.activityStart} field="startDate" error={error}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.lifecycle.activityEnd} field="endDate" error={error}>
        {(control) => (
          <input {...control} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
        )}
      </FormField>
      <FormField label={t.lifecycle.activityCities} field="participatingCityIds" error={error}>
        {(control) => (
          <select
            {...control}
            multiple
            size={Math.min(participants.length, 5)}
            value={cityIds}
            onChange={(e) => setCityIds([...e.target.selectedOptions].map((option) => option.value))}
          >
            {cityOptions}
          </select>
        )}
      </FormField>
      <FormField label={t.lifecycle.activityOutcomes} field="outcomes" error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            dir="auto"
            value={outcomes}
            onChange={(e) => setOutcomes(e.target.value)}
          />
        )}
      </FormField>
      {transfer ? (
        <fieldset>
          <legend>{t.lifecycle.kinds['practice-transfer']}</legend>
          <FormField label={t.lifecycle.practice} field="practiceTransfer.bestPracticeId" error={error}>
            {(control) => (
              <select
                {...control}
                required
                value={practiceId}
                onChange={(e) => setPracticeId(e.target.value)}
              >
                <option value="">{t.lifecycle.choosePractice}</option>
                {(practices.data ?? []).map((practice) => (
                  <option key={practice.id} value={practice.id}>
                    {practice.title}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t.lifecycle.practiceSource} field="practiceTransfer.sourceCityId" error={error}>
            {(control) => (
              <select {...control} value={sourceCityId} onChange={(e) => setSourceCityId(e.target.value)}>
                {cityOptions}
              </select>
            )}
          </FormField>
          <FormField
            label={t.lifecycle.practiceAdopting}
            field="practiceTransfer.adoptingCityId"
            error={error}
          >
            {(control) => (
              <select {...control} value={adoptingCityId} onChange={(e) => setAdoptingCityId(e.target.value)}>
                {cityOptions}
              </select>
            )}
          </FormField>
        </fieldset>
      ) : null}
    </PanelForm>
  );
}
