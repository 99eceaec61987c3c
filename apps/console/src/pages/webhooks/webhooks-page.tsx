import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canRedeliverWebhook } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCursorPages } from '../../ui/cursor-pages';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { LoadMore } from '../../ui/load-more';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';

type Webhook = Schemas['WebhookResponse'];
type Delivery = Schemas['DeliveryResponse'];

const FIELDS = ['url', 'eventTypes', 'description'] as const;

/** "c2c.partnership.*, c2c.city.registered.v1" as the API's list; blanks dropped. */
const parseEventTypes = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

export function Component() {
  const queryClient = useQueryClient();
  const webhooks = useQuery({
    queryKey: ['webhooks'],
    queryFn: async () => unwrap(await api.GET('/api/v1/webhooks')),
  });
  // A signing secret is in one answer only (subscribing, rotating): shown here until dismissed.
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] });

  return (
    <div className="page webhooks">
      <h1>{t.webhooks.heading}</h1>
      {secret ? <SecretNotice {...secret} onDismiss={() => setSecret(null)} /> : null}
      <section aria-labelledby="webhooks-list" className="card">
        <h2 id="webhooks-list">{t.webhooks.subscriptions}</h2>
        {webhooks.isPending || webhooks.error ? (
          <QueryState pending={webhooks.isPending} error={webhooks.error} />
        ) : webhooks.data.items.length === 0 ? (
          <p className="muted">{t.webhooks.empty}</p>
        ) : (
          <ul className="plain">
            {webhooks.data.items.map((webhook) => (
              <WebhookItem key={webhook.id} webhook={webhook} onSecret={setSecret} onChanged={refresh} />
            ))}
          </ul>
        )}
      </section>
      <SubscribeForm
        onCreated={(created) => {
          setSecret({ url: created.url, secret: created.secret });
          refresh();
        }}
      />
    </div>
  );
}

function SecretNotice({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  return (
    <div className="notice secret" role="status" data-testid="webhook-secret">
      <p>{t.webhooks.secretOnce(url)}</p>
      <p>
        <code className="secret-value">{secret}</code>
      </p>
      <button type="button" className="secondary" onClick={onDismiss}>
        {t.webhooks.secretStored}
      </button>
    </div>
  );
}

function SubscribeForm({
  onCreated,
}: {
  onCreated: (created: Schemas['WebhookWithSecretResponse']) => void;
}) {
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: async (body: Schemas['CreateWebhookDto']) =>
      unwrap(
        await api.POST('/api/v1/webhooks', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body,
        }),
      ),
    onSuccess: (created) => {
      setUrl('');
      setEventTypes('');
      setDescription('');
      onCreated(created);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      url: url.trim(),
      eventTypes: parseEventTypes(eventTypes),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
  };
  const error = create.error;
  return (
    <section aria-labelledby="webhooks-subscribe" className="card">
      <h2 id="webhooks-subscribe">{t.webhooks.subscribe}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? (
          <p role="alert" className="error">
            {t.webhooks.invalid}
          </p>
        ) : (
          <ProblemAlert error={error} />
        )}
        <FormField label={t.webhooks.url} field="url" error={error}>
          {(control) => (
            <input {...control} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
          )}
        </FormField>
        <FormField
          label={t.webhooks.eventTypes}
          field="eventTypes"
          error={error}
          hint={t.webhooks.eventTypesHint}
        >
          {(control) => (
            <input {...control} required value={eventTypes} onChange={(e) => setEventTypes(e.target.value)} />
          )}
        </FormField>
        <FormField label={t.webhooks.description} field="description" error={error}>
          {(control) => (
            <input
              {...control}
              dir="auto"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
        <UnplacedFieldErrors error={error} placed={FIELDS} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t.webhooks.subscribing : t.webhooks.submitSubscribe}
          </button>
        </div>
      </form>
    </section>
  );
}

function WebhookItem({
  webhook,
  onSecret,
  onChanged,
}: {
  webhook: Webhook;
  onSecret: (secret: { url: string; secret: string }) => void;
  onChanged: () => void;
}) {
  const [showDeliveries, setShowDeliveries] = useState(false);
  const confirmDelete = useRef<HTMLDialogElement>(null);
  const rotate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/webhooks/{id}/secret-rotation', {
          params: { path: { id: webhook.id }, header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: (rotated) => {
      onSecret({ url: rotated.url, secret: rotated.secret });
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } } })),
    onSuccess: () => {
      confirmDelete.current?.close();
      onChanged();
    },
  });
  const headingId = `webhook-${webhook.id}`;
  return (
    <li className="card webhook">
      <h3 id={headingId} className="url">
        {webhook.url}
      </h3>
      {webhook.description ? <p dir="auto">{webhook.description}</p> : null}
      <dl className="facts">
        <dt>{t.webhooks.status}</dt>
        <dd data-testid="webhook-status">
          {webhook.status}
          {webhook.disabledReason ? ` (${webhook.disabledReason})` : ''}
        </dd>
        <dt>{t.webhooks.eventTypes}</dt>
        <dd>{webhook.eventTypes.join(', ')}</dd>
        <dt>{t.webhooks.failures}</dt>
        <dd>{webhook.consecutiveFailures}</dd>
        {webhook.previousSecretExpiresAt ? (
          <>
            <dt>{t.webhooks.previousSecret}</dt>
            <dd>{t.webhooks.previousSecretUntil(webhook.previousSecretExpiresAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={showDeliveries}
          aria-label={t.webhooks.deliveriesOf(webhook.url)}
          onClick={() => setShowDeliveries((shown) => !shown)}
        >
          {t.webhooks.deliveries}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={rotate.isPending}
          aria-label={t.webhooks.rotateOf(webhook.url)}
          onClick={() => rotate.mutate()}
        >
          {t.webhooks.rotate}
        </button>
        <button
          type="button"
          className="danger"
          aria-label={t.webhooks.deleteOf(webhook.url)}
          onClick={() => confirmDelete.current?.showModal()}
        >
          {t.webhooks.delete}
        </button>
      </div>
      <ProblemAlert error={rotate.error} onReload={onChanged} />
      <dialog ref={confirmDelete} aria-labelledby={`${headingId}-confirm`}>
        <p id={`${headingId}-confirm`}>{t.webhooks.confirmDelete(webhook.url)}</p>
        <ProblemAlert error={remove.error} onReload={onChanged} />
        <div className="actions">
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t.webhooks.confirm}
          </button>
          <button type="button" className="secondary" onClick={() => confirmDelete.current?.close()}>
            {t.cancel}
          </button>
        </div>
      </dialog>
      {showDeliveries ? <Deliveries webhook={webhook} /> : null}
    </li>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useCursorPages(['webhooks', webhook.id, 'deliveries'], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/webhooks/{id}/deliveries', {
        params: { path: { id: webhook.id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const redeliver = useMutation({
    mutationFn: async (delivery: Delivery) =>
      unwrap(
        await api.POST('/api/v1/webhooks/{id}/deliveries/{did}/redelivery', {
          params: {
            path: { id: webhook.id, did: delivery.id },
            header: { 'Idempotency-Key': idempotencyKey() },
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks', webhook.id, 'deliveries'] }),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  if (list.isPending || list.error) return <QueryState pending={list.isPending} error={list.error} />;
  return (
    <div className="deliveries">
      <ProblemAlert error={redeliver.error} onReload={reload} />
      {redeliver.isSuccess ? (
        <p role="status" className="notice">
          {t.webhooks.redelivered}
        </p>
      ) : null}
      {list.items.length === 0 ? (
        <p className="muted">{t.webhooks.noDeliveries}</p>
      ) : (
        <table>
          <caption>{t.webhooks.deliveryLog}</caption>
          <thead>
            <tr>
              <th scope="col">{t.webhooks.eventType}</th>
              <th scope="col">{t.webhooks.deliveryStatus}</th>
              <th scope="col">{t.webhooks.attempts}</th>
              <th scope="col">{t.webhooks.lastResult}</th>
              <th scope="col">{t.webhooks.when}</th>
              <th scope="col">
                <span className="visually-hidden">{t.webhooks.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((delivery) => (
              <tr key={delivery.id}>
                <td>{delivery.eventType}</td>
                <td>{delivery.status}</td>
                <td>
                  <details>
                    <summary>{delivery.attempts}</summary>
                    <ol>
                      {delivery.attemptLog.map((attempt) => (
                        <li key={attempt.attempt}>
                          {t.webhooks.attempt(
                            attempt.attemptedAt,
                            attempt.outcome,
                            attempt.statusCode,
                            attempt.latencyMs,
                          )}
                          {attempt.error ? ` — ${attempt.error}` : ''}
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
                <td>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</td>
                <td>{delivery.deliveredAt ?? t.webhooks.nextAttempt(delivery.nextAttemptAt)}</td>
                <td>
                  {canRedeliverWebhook(me, webhook) ? (
                    <button
                      type="button"
                      className="secondary"
                      disabled={redeliver.isPending}
                      aria-label={t.webhooks.redeliverOf(delivery.eventType, delivery.id)}
                      onClick={() => redeliver.mutate(delivery)}
                    >
                      {t.webhooks.redeliver}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </div>
  );
}
