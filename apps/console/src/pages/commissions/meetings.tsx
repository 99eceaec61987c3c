import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { ApiError, idempotencyKey, localProblem, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canCancelMeeting, canRecordMeeting, canScheduleMeeting } from '../../auth/permissions';
import { t } from '../../i18n';
import { CheckboxGroup } from '../../ui/checkbox-group';
import { cityNameIn, type City } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { LoadMore } from '../../ui/load-more';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';
import { ReasonForm } from '../../ui/reason-form';
import { useCommissionMembers } from './commission-members';
import { browserTimeZone, instantOfWallTime, isKnownTimeZone, wallTimeOf } from '../../ui/meeting-time';

type Meeting = Schemas['MeetingResponse'];

const meetingsKey = (commissionId: string) => ['commissions', commissionId, 'meetings'];

/**
 * A commission's meetings, earliest first, each at its wall time in its own time zone, with where
 * it is held and what came of it; those who act for the commission schedule and cancel them here.
 */
export function Meetings({ commissionId, cities }: { commissionId: string; cities: City[] | undefined }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const meetings = useCursorPages(meetingsKey(commissionId), async (cursor) =>
    unwrap(
      await api.GET('/api/v1/commissions/{id}/meetings', {
        params: { path: { id: commissionId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: meetingsKey(commissionId) });
  return (
    <section aria-labelledby="commission-meetings" className="card">
      <h2 id="commission-meetings">{t.commissions.meetings}</h2>
      {meetings.isPending || meetings.error ? (
        <QueryState pending={meetings.isPending} error={meetings.error} />
      ) : meetings.items.length === 0 ? (
        <p className="muted">{t.commissions.noMeetings}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.commissions.meeting}</th>
              <th scope="col">{t.commissions.startsAt}</th>
              <th scope="col">{t.commissions.where}</th>
              <th scope="col">{t.commissions.meetingStatus}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.items.map((meeting) => (
              <MeetingRow
                key={meeting.id}
                meeting={meeting}
                cities={cities}
                mayCancel={canCancelMeeting(me, commissionId, meeting)}
                mayRecord={canRecordMeeting(me, commissionId, meeting)}
                onChanged={refresh}
              />
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={meetings} />
      {canScheduleMeeting(me, commissionId) ? (
        <ScheduleForm commissionId={commissionId} cities={cities} onScheduled={refresh} />
      ) : null}
    </section>
  );
}

function MeetingRow({
  meeting,
  cities,
  mayCancel,
  mayRecord,
  onChanged,
}: {
  meeting: Meeting;
  cities: City[] | undefined;
  mayCancel: boolean;
  mayRecord: boolean;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState<'cancel' | 'record' | null>(null);
  const toggle = (form: 'cancel' | 'record') => setOpen((shown) => (shown === form ? null : form));
  const cancel = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/api/v1/commissions/{id}/meetings/{mid}/cancellation', {
          params: {
            path: { id: meeting.commissionId, mid: meeting.id },
            header: { 'If-Match': ifMatch(meeting.version), 'Idempotency-Key': idempotencyKey() },
          },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setOpen(null);
      onChanged();
    },
  });
  return (
    <tr data-testid="meeting">
      <td dir="auto">
        {meeting.title}
        {meeting.agenda.length > 0 ? (
          <ol className="agenda">
            {meeting.agenda.map((item, index) => (
              <li key={index} dir="auto">
                {item.title}
              </li>
            ))}
          </ol>
        ) : null}
      </td>
      <td>
        <time dateTime={meeting.startsAt}>{wallTimeOf(meeting.startsAt, meeting.timeZone)}</time>{' '}
        <span className="muted">{meeting.timeZone}</span>
      </td>
      <td dir="auto">
        {meeting.hostCityId ? cityNameIn(cities, meeting.hostCityId) : null}
        {meeting.hostCityId && meeting.onlineUrl ? ' · ' : null}
        {meeting.onlineUrl ? t.commissions.online : null}
      </td>
      <td>
        <span data-testid="meeting-status">
          {t.commissions.meetingStatuses[meeting.status] ?? meeting.status}
        </span>
        {meeting.heldOn ? ` ${meeting.heldOn}` : ''}
        {meeting.cancellationReason ? (
          <div className="muted" dir="auto">
            {meeting.cancellationReason}
          </div>
        ) : null}
        {meeting.status === 'held' ? (
          <details>
            <summary>{t.commissions.minutesOf(meeting.attendingCityIds.length)}</summary>
            <p dir="auto">
              {meeting.attendingCityIds.map((cityId) => cityNameIn(cities, cityId)).join(', ')}
            </p>
            <p dir="auto" className="minutes">
              {meeting.minutes}
            </p>
          </details>
        ) : null}
        {mayRecord || mayCancel ? (
          <div className="actions">
            {mayRecord ? (
              <button
                type="button"
                className="secondary"
                aria-expanded={open === 'record'}
                aria-label={t.commissions.recordOf(meeting.title)}
                onClick={() => toggle('record')}
              >
                {t.commissions.recordMeeting}
              </button>
            ) : null}{' '}
            {mayCancel ? (
              <button
                type="button"
                className="secondary"
                aria-expanded={open === 'cancel'}
                aria-label={t.commissions.cancelOf(meeting.title)}
                onClick={() => toggle('cancel')}
              >
                {t.commissions.cancelMeeting}
              </button>
            ) : null}
          </div>
        ) : null}
        {open === 'record' ? (
          <RecordForm
            meeting={meeting}
            onRecorded={() => {
              setOpen(null);
              onChanged();
            }}
          />
        ) : null}
        {open === 'cancel' ? (
          <ReasonForm
            label={t.commissions.cancellationReason}
            field="reason"
            submitLabel={t.commissions.confirmCancel}
            error={cancel.error}
            pending={cancel.isPending}
            onSubmit={(reason) => cancel.mutate(reason)}
            onReload={() => {
              cancel.reset();
              onChanged();
            }}
          />
        ) : null}
      </td>
    </tr>
  );
}

/** Recording that a scheduled meeting was held: which member cities attended, and its minutes. */
function RecordForm({ meeting, onRecorded }: { meeting: Meeting; onRecorded: () => void }) {
  const members = useCommissionMembers(meeting.commissionId);
  const [attending, setAttending] = useState<string[]>([]);
  const [minutes, setMinutes] = useState('');
  const record = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/commissions/{id}/meetings/{mid}/minutes', {
          params: {
            path: { id: meeting.commissionId, mid: meeting.id },
            header: { 'If-Match': ifMatch(meeting.version), 'Idempotency-Key': idempotencyKey() },
          },
          body: { attendingCityIds: attending, minutes: minutes.trim() },
        }),
      ),
    onSuccess: onRecorded,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  const error = record.error;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t.commissions.recordOf(meeting.title)}>
      <ProblemAlert
        error={error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? null : error}
        onReload={() => {
          record.reset();
          onRecorded();
        }}
      />
      {members.isPending || members.error ? (
        <QueryState pending={members.isPending} error={members.error} />
      ) : (
        <CheckboxGroup
          legend={t.commissions.attendance}
          field="attendingCityIds"
          error={error}
          options={members.items.map((member) => ({
            value: member.cityId,
            label: member.cityName ?? member.cityId,
          }))}
          selected={attending}
          onChange={setAttending}
        />
      )}
      <LoadMore list={members} />
      <FormField label={t.commissions.minutes} field="minutes" error={error}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={4}
            dir="auto"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </FormField>
      <UnplacedFieldErrors error={error} placed={['attendingCityIds', 'minutes']} />
      <div>
        <button type="submit" disabled={record.isPending}>
          {t.commissions.confirmRecord}
        </button>
      </div>
    </form>
  );
}

const FIELDS = ['title', 'startsAt', 'timeZone', 'hostCityId', 'onlineUrl', 'agenda'] as const;

/**
 * Scheduling: the start is typed as the wall time of the meeting's time zone (the browser's to begin
 * with), which the console turns into the instant the API takes; the agenda is one item a line.
 */
function ScheduleForm({
  commissionId,
  cities,
  onScheduled,
}: {
  commissionId: string;
  cities: City[] | undefined;
  onScheduled: () => void;
}) {
  const [title, setTitle] = useState('');
  const [wallTime, setWallTime] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [hostCityId, setHostCityId] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [agenda, setAgenda] = useState('');
  const schedule = useMutation({
    mutationFn: async () => {
      const zone = timeZone.trim();
      if (!isKnownTimeZone(zone)) {
        throw localProblem(t.commissions.scheduleInvalid, 'timeZone', t.commissions.timeZoneUnknown);
      }
      const startsAt = instantOfWallTime(wallTime, zone);
      if (startsAt === undefined) {
        throw localProblem(t.commissions.scheduleInvalid, 'startsAt', t.commissions.startsAtMissing);
      }
      const items = agenda
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .map((line) => ({ title: line }));
      return unwrap(
        await api.POST('/api/v1/commissions/{id}/meetings', {
          params: { path: { id: commissionId }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: {
            title: title.trim(),
            startsAt,
            timeZone: zone,
            ...(hostCityId ? { hostCityId } : {}),
            ...(onlineUrl.trim() ? { onlineUrl: onlineUrl.trim() } : {}),
            ...(items.length > 0 ? { agenda: items } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      setTitle('');
      setWallTime('');
      setAgenda('');
      onScheduled();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate();
  };
  const error = schedule.error;
  const members = (cities ?? []).filter((city) => city.membershipStatus === 'member');
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="commission-schedule">
      <h3 id="commission-schedule">{t.commissions.schedule}</h3>
      {error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? (
        <p role="alert" className="error">
          {t.commissions.scheduleInvalid}
        </p>
      ) : (
        <ProblemAlert error={error} onReload={onScheduled} />
      )}
      {schedule.isSuccess ? (
        <p role="status" className="notice">
          {t.commissions.scheduled}
        </p>
      ) : null}
      <FormField label={t.commissions.meetingTitle} field="title" error={error}>
        {(control) => (
          <input {...control} required dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </FormField>
      <FormField
        label={t.commissions.startsAtLocal}
        field="startsAt"
        error={error}
        hint={t.commissions.startsAtHint}
      >
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            required
            value={wallTime}
            onChange={(e) => setWallTime(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t.commissions.timeZone}
        field="timeZone"
        error={error}
        hint={t.commissions.timeZoneHint}
      >
        {(control) => (
          <input
            {...control}
            required
            autoComplete="off"
            spellCheck={false}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t.commissions.hostCity}
        field="hostCityId"
        error={error}
        hint={t.commissions.whereHint}
      >
        {(control) => (
          <select {...control} value={hostCityId} onChange={(e) => setHostCityId(e.target.value)}>
            <option value="">{t.commissions.noHostCity}</option>
            {members.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.commissions.onlineUrl} field="onlineUrl" error={error}>
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            value={onlineUrl}
            onChange={(e) => setOnlineUrl(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.commissions.agenda} field="agenda" error={error} hint={t.commissions.agendaHint}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            dir="auto"
            value={agenda}
            onChange={(e) => setAgenda(e.target.value)}
          />
        )}
      </FormField>
      <UnplacedFieldErrors error={error} placed={FIELDS} />
      <div>
        <button type="submit" disabled={schedule.isPending}>
          {schedule.isPending ? t.commissions.scheduling : t.commissions.submitSchedule}
        </button>
      </div>
    </form>
  );
}
