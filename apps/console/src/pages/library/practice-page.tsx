import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { ApiError, idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canReviewPractice, canRevisePractice, reviewCommissionChoicesFor } from '../../auth/permissions';
import { t } from '../../i18n';
import { cityNameIn, useCityOptions } from '../../ui/city-options';
import { FormField } from '../../ui/form-field';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';
import { areaLabel, challengeLabel, sdgLabel, usePracticeCatalogue } from './catalogue';
import { usePractice } from './practice-query';

type PracticePage = Schemas['BestPracticePageResponse'];

export function Component() {
  const { id = '' } = useParams();
  const me = useMe();
  const practice = usePractice(id);
  const catalogue = usePracticeCatalogue();
  const cities = useCityOptions();
  if (practice.isPending || practice.error) {
    return (
      <div className="page">
        <QueryState pending={practice.isPending} error={practice.error} />
      </div>
    );
  }
  const data = practice.data;
  const nameOf = (cityId: string) => cityNameIn(cities.data, cityId);
  return (
    <div className="page practice">
      <h1 dir="auto">{data.title}</h1>
      <p>
        <Link to={`/cities/${data.cityId}`} dir="auto">
          {nameOf(data.cityId)}
        </Link>{' '}
        · {t.library.status}:{' '}
        <span className="status" data-testid="practice-status">
          {data.status}
        </span>
        {data.publishedAt ? ` · ${t.library.publishedOn(data.publishedAt.slice(0, 10))}` : null}
      </p>
      {data.comments ? (
        <div className="notice">
          <p>{t.library.reviewComments}</p>
          <p dir="auto">{data.comments}</p>
        </div>
      ) : null}
      {canRevisePractice(me, data) ? (
        <p>
          <Link to={`/library/${data.id}/edit`} className="button-link">
            {t.library.reviseLink}
          </Link>
        </p>
      ) : null}
      {canReviewPractice(me, data) ? (
        <Review practice={data} onReload={() => void practice.refetch()} />
      ) : null}
      <section aria-labelledby="practice-content" className="card">
        <h2 id="practice-content">{t.library.content}</h2>
        <h3>{t.library.problem}</h3>
        <p dir="auto">{data.problem}</p>
        <h3>{t.library.solution}</h3>
        <p dir="auto">{data.solution}</p>
        <h3>{t.library.results}</h3>
        <p dir="auto">{data.results}</p>
        {data.lessons ? (
          <>
            <h3>{t.library.lessons}</h3>
            <p dir="auto">{data.lessons}</p>
          </>
        ) : null}
      </section>
      <section aria-labelledby="practice-tags" className="card">
        <h2 id="practice-tags">{t.library.tags}</h2>
        <dl className="facts">
          <dt>{t.library.challenges}</dt>
          <dd>{data.challenges.map((c) => challengeLabel(catalogue.data, c)).join(', ') || t.none}</dd>
          <dt>{t.library.sdgs}</dt>
          <dd>{data.sdgs.map((goal) => sdgLabel(catalogue.data, goal)).join(', ') || t.none}</dd>
          <dt>{t.library.areas}</dt>
          <dd>{data.cooperationAreas.map(areaLabel).join(', ') || t.none}</dd>
        </dl>
      </section>
      <section aria-labelledby="practice-contact" className="card">
        <h2 id="practice-contact">{t.library.contact}</h2>
        <p dir="auto">
          {data.contact.name}
          {data.contact.role ? `, ${data.contact.role}` : ''}
        </p>
        {data.contact.email ? (
          <p>
            <a href={`mailto:${data.contact.email}`}>{data.contact.email}</a>
          </p>
        ) : null}
        {data.contact.phone ? <p>{data.contact.phone}</p> : null}
      </section>
      <section aria-labelledby="practice-transfers" className="card">
        <h2 id="practice-transfers">{t.library.transfers}</h2>
        {data.transfers.length === 0 ? (
          <p className="muted">{t.library.noTransfers}</p>
        ) : (
          <ul className="items">
            {data.transfers.map((transfer) => (
              <li key={transfer.activityId}>
                <Link to={`/partnerships/${transfer.partnershipId}`} dir="auto">
                  {transfer.partnershipTitle}
                </Link>{' '}
                <span className="muted">
                  {t.library.transferredTo(nameOf(transfer.adoptingCityId), transfer.startDate)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Publish the submitted practice, or return it to its city with comments (reviewers only). */
function Review({ practice, onReload }: { practice: PracticePage; onReload: () => void }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const choices = reviewCommissionChoicesFor(me);
  const commissions = useQuery({
    queryKey: ['commissions'],
    queryFn: async () => unwrap(await api.GET('/api/v1/commissions')),
    enabled: choices.length > 0,
  });
  const [commissionId, setCommissionId] = useState(choices[0] ?? '');
  const [comments, setComments] = useState('');
  const [returning, setReturning] = useState(false);
  const named = commissionId ? { commissionId } : {};
  const headers = () => ({ 'If-Match': ifMatch(practice.version), 'Idempotency-Key': idempotencyKey() });
  const done = () => queryClient.invalidateQueries({ queryKey: ['best-practices'] });
  const publish = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/best-practices/{id}/publication', {
          params: { path: { id: practice.id }, header: headers() },
          body: named,
        }),
      ),
    onSuccess: done,
  });
  const giveBack = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/best-practices/{id}/return', {
          params: { path: { id: practice.id }, header: headers() },
          body: { ...named, comments: comments.trim() },
        }),
      ),
    onSuccess: done,
  });
  const reload = () => {
    publish.reset();
    giveBack.reset();
    onReload();
  };
  const submitReturn = (event: FormEvent) => {
    event.preventDefault();
    giveBack.mutate();
  };
  const error = publish.error ?? giveBack.error;
  const fieldError =
    error instanceof ApiError && (error.fieldMessage('comments') || error.fieldMessage('commissionId'));
  return (
    <section aria-labelledby="practice-review" className="card review">
      <h2 id="practice-review">{t.library.review}</h2>
      {fieldError ? null : <ProblemAlert error={error} onReload={reload} />}
      {choices.length > 0 ? (
        <FormField label={t.library.reviewFor} field="commissionId" error={error}>
          {(control) => (
            <select {...control} value={commissionId} onChange={(e) => setCommissionId(e.target.value)}>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {commissions.data?.items.find((commission) => commission.id === choice)?.name ?? choice}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <div className="actions">
        <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
          {t.library.publish}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={returning}
          onClick={() => setReturning((shown) => !shown)}
        >
          {t.library.returnToCity}
        </button>
      </div>
      {returning ? (
        <form className="stack" onSubmit={submitReturn} noValidate>
          <FormField label={t.library.comments} field="comments" error={error}>
            {(control) => (
              <textarea
                {...control}
                required
                rows={4}
                dir="auto"
                value={comments}
                onChange={(e) => setComments(e.target.value)}
              />
            )}
          </FormField>
          <div>
            <button type="submit" disabled={giveBack.isPending}>
              {t.library.confirmReturn}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
