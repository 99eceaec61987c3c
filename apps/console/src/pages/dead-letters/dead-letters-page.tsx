import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canReplayDeadLetter } from '../../auth/permissions';
import { t } from '../../i18n';
import { FormField } from '../../ui/form-field';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';

type DeadLetter = Schemas['ServiceDeadLetterResponse'];
type Service = DeadLetter['service'];
type Replay = Schemas['AdminReplayDto'];

const SERVICES = [
  'cities',
  'partnerships',
  'commissions',
  'notifications',
] as const satisfies readonly Service[];

interface Filter {
  readonly service: Service | '';
  readonly type: string;
  /** As a datetime-local control gives it (local time, no zone); sent as an instant. */
  readonly since: string;
}

const NO_FILTER: Filter = { service: '', type: '', since: '' };

const sinceInstant = (local: string): string | undefined =>
  local ? new Date(local).toISOString() : undefined;

/** The filter as the API's query (and, for a replay, its selection). */
const selectionOf = (filter: Filter) => ({
  ...(filter.service ? { service: filter.service } : {}),
  ...(filter.type.trim() ? { type: filter.type.trim() } : {}),
  ...(filter.since ? { since: sinceInstant(filter.since) } : {}),
});

/** A letter's identity: its service and its position in that service's dead-letter topic. */
const keyOf = (letter: { service: Service; partition: number; offset: string }) =>
  `${letter.service}/${letter.partition}/${letter.offset}`;

export function Component() {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [inspected, setInspected] = useState<DeadLetter | null>(null);
  const letters = useQuery({
    queryKey: ['dead-letters', filter],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/admin/dead-letters', { params: { query: selectionOf(filter) } })),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['dead-letters'] });

  const replay = useMutation({
    mutationFn: async (selection: Replay) =>
      unwrap(
        await api.POST('/api/v1/admin/dead-letters/replay', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: selection,
        }),
      ),
    onSuccess: refresh,
  });
  const confirmBatch = useRef<HTMLDialogElement>(null);
  const filtered = filter.type.trim() !== '' || filter.since !== '';
  // Without a type or a time the API needs `all` said out loud: the filter's service still narrows it.
  const batch: Replay = filtered ? selectionOf(filter) : { ...selectionOf(filter), all: true };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };

  return (
    <div className="page dead-letters">
      <h1>{t.deadLetters.heading}</h1>
      <form className="filters" onSubmit={apply} aria-label={t.deadLetters.filters}>
        <FormField label={t.deadLetters.service} field="service" error={letters.error}>
          {(control) => (
            <select
              {...control}
              value={draft.service}
              onChange={(e) => setDraft({ ...draft, service: e.target.value as Service | '' })}
            >
              <option value="">{t.deadLetters.anyService}</option>
              {SERVICES.map((service) => (
                <option key={service} value={service}>
                  {service}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.deadLetters.type} field="type" error={letters.error}>
          {(control) => (
            <input
              {...control}
              value={draft.type}
              onChange={(e) => setDraft({ ...draft, type: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t.deadLetters.since} field="since" error={letters.error}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={draft.since}
              onChange={(e) => setDraft({ ...draft, since: e.target.value })}
            />
          )}
        </FormField>
        <button type="submit">{t.deadLetters.show}</button>
      </form>

      {replay.data ? <ReplayOutcome result={replay.data} /> : null}
      <ProblemAlert error={replay.error} onReload={refresh} />

      {letters.isPending || letters.error ? (
        <QueryState pending={letters.isPending} error={letters.error} />
      ) : (
        <>
          {letters.data.missing.length > 0 ? (
            <p role="status" className="notice">
              {t.deadLetters.missing(letters.data.missing.join(', '))}
            </p>
          ) : null}
          {letters.data.items.length === 0 ? (
            <p className="muted">{t.deadLetters.empty}</p>
          ) : (
            <>
              <div className="actions">
                <button type="button" onClick={() => confirmBatch.current?.showModal()}>
                  {filtered ? t.deadLetters.replayMatching : t.deadLetters.replayAll}
                </button>
              </div>
              <LetterTable
                letters={letters.data.items}
                replaying={replay.isPending}
                onInspect={setInspected}
                onReplay={(letter) =>
                  replay.mutate({
                    service: letter.service,
                    partition: letter.partition,
                    offset: letter.offset,
                  })
                }
              />
            </>
          )}
        </>
      )}

      <dialog ref={confirmBatch} aria-labelledby="dead-letters-confirm">
        <p id="dead-letters-confirm">
          {filtered
            ? t.deadLetters.confirmMatching(
                letters.data?.items.filter((letter) => !letter.resolved).length ?? 0,
              )
            : t.deadLetters.confirmAll(filter.service || t.deadLetters.everyService)}
        </p>
        <div className="actions">
          <button
            type="button"
            disabled={replay.isPending}
            onClick={() => {
              confirmBatch.current?.close();
              replay.mutate(batch);
            }}
          >
            {t.deadLetters.confirm}
          </button>
          <button type="button" className="secondary" onClick={() => confirmBatch.current?.close()}>
            {t.cancel}
          </button>
        </div>
      </dialog>

      {inspected ? <LetterDetail letter={inspected} onClose={() => setInspected(null)} /> : null}
    </div>
  );
}

function LetterTable({
  letters,
  replaying,
  onInspect,
  onReplay,
}: {
  letters: DeadLetter[];
  replaying: boolean;
  onInspect: (letter: DeadLetter) => void;
  onReplay: (letter: DeadLetter) => void;
}) {
  const me = useMe();
  return (
    <table>
      <caption>{t.deadLetters.caption(letters.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.deadLetters.service}</th>
          <th scope="col">{t.deadLetters.failedAt}</th>
          <th scope="col">{t.deadLetters.type}</th>
          <th scope="col">{t.deadLetters.reason}</th>
          <th scope="col">{t.deadLetters.attempts}</th>
          <th scope="col">{t.deadLetters.state}</th>
          <th scope="col">{t.deadLetters.actions}</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((letter) => (
          <tr key={keyOf(letter)} data-testid="dead-letter">
            <td>{letter.service}</td>
            <td>
              <time dateTime={letter.failedAt}>{letter.failedAt.slice(0, 19).replace('T', ' ')}</time>
            </td>
            <td>{letter.eventType ?? t.deadLetters.unknownType}</td>
            <td>
              {letter.reason}
              <div className="muted error-text">{letter.error}</div>
            </td>
            <td>{letter.attempts}</td>
            <td>{letter.resolved ? t.deadLetters.resolved : t.deadLetters.unresolved}</td>
            <td className="row-actions">
              <button
                type="button"
                className="secondary"
                aria-label={t.deadLetters.inspectOf(keyOf(letter))}
                onClick={() => onInspect(letter)}
              >
                {t.deadLetters.inspect}
              </button>
              {!canReplayDeadLetter(me, letter) ? null : (
                <button
                  type="button"
                  disabled={replaying}
                  aria-label={t.deadLetters.replayOf(keyOf(letter))}
                  onClick={() => onReplay(letter)}
                >
                  {t.deadLetters.replay}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LetterDetail({ letter, onClose }: { letter: DeadLetter; onClose: () => void }) {
  const headingId = useId();
  const detail = useQuery({
    queryKey: ['dead-letters', 'detail', keyOf(letter)],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admin/dead-letters/{service}/{partition}/{offset}', {
          params: { path: { service: letter.service, partition: letter.partition, offset: letter.offset } },
        }),
      ),
  });
  return (
    <section className="card letter-detail" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.deadLetters.detailHeading(keyOf(letter))}</h2>
      {detail.isPending || detail.error ? (
        <QueryState pending={detail.isPending} error={detail.error} />
      ) : (
        <dl className="facts">
          <dt>{t.deadLetters.eventId}</dt>
          <dd>{detail.data.eventId ?? '—'}</dd>
          <dt>{t.deadLetters.original}</dt>
          <dd>
            {t.deadLetters.originalAt(
              detail.data.originalTopic,
              detail.data.originalPartition,
              detail.data.originalOffset,
            )}
          </dd>
          <dt>{t.deadLetters.error}</dt>
          <dd>
            <pre>{detail.data.error}</pre>
          </dd>
          <dt>{t.deadLetters.key}</dt>
          <dd>{detail.data.key ?? '—'}</dd>
          <dt>{t.deadLetters.headers}</dt>
          <dd>
            <pre>{JSON.stringify(detail.data.headers, null, 2)}</pre>
          </dd>
          <dt>{t.deadLetters.data}</dt>
          <dd>
            <pre tabIndex={0}>{JSON.stringify(detail.data.data, null, 2)}</pre>
          </dd>
        </dl>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t.close}
      </button>
    </section>
  );
}

function ReplayOutcome({ result }: { result: Schemas['AdminReplayResponse'] }) {
  const counts = new Map<string, number>();
  for (const replayed of result.replayed)
    counts.set(replayed.outcome, (counts.get(replayed.outcome) ?? 0) + 1);
  return (
    <div role="status" className="notice" data-testid="replay-outcome">
      <p>{t.deadLetters.replayed(result.replayed.length)}</p>
      {counts.size > 0 ? (
        <ul>
          {[...counts].map(([outcome, count]) => (
            <li key={outcome}>{t.deadLetters.outcome(outcome, count)}</li>
          ))}
        </ul>
      ) : null}
      {result.missing.length > 0 ? <p>{t.deadLetters.missing(result.missing.join(', '))}</p> : null}
    </div>
  );
}
