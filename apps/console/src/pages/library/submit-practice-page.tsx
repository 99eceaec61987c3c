import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { actingCityOf } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCityOptions } from '../../ui/city-options';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';
import { CheckboxGroup } from '../../ui/checkbox-group';
import { areaLabel, sdgLabel, usePracticeCatalogue, type Challenge, type PracticeArea } from './catalogue';

type Submission = Schemas['SubmitBestPracticeDto'];

const FIELDS = [
  'title',
  'cityId',
  'problem',
  'solution',
  'results',
  'lessons',
  'contact',
  'challenges',
  'sdgs',
  'cooperationAreas',
] as const;

export function Component() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ownCity = actingCityOf(me);
  const members = useCityOptions('member');
  const catalogue = usePracticeCatalogue();

  const [title, setTitle] = useState('');
  const [cityId, setCityId] = useState(ownCity ?? '');
  const [problem, setProblem] = useState('');
  const [solution, setSolution] = useState('');
  const [results, setResults] = useState('');
  const [lessons, setLessons] = useState('');
  const [contact, setContact] = useState({ name: '', role: '', email: '', phone: '' });
  const [challenges, setChallenges] = useState<Challenge[]>([]);
  const [sdgs, setSdgs] = useState<number[]>([]);
  const [areas, setAreas] = useState<PracticeArea[]>([]);

  const submitPractice = useMutation({
    mutationFn: async (submission: Submission) =>
      unwrap(
        await api.POST('/api/v1/best-practices', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: submission,
        }),
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['best-practices'] });
      await navigate(`/library/${created.id}`);
    },
  });
  const error = submitPractice.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    submitPractice.mutate({
      title: title.trim(),
      cityId,
      problem: problem.trim(),
      solution: solution.trim(),
      results: results.trim(),
      ...(lessons.trim() ? { lessons: lessons.trim() } : {}),
      contact: {
        name: contact.name.trim(),
        ...(optional(contact.role) ? { role: optional(contact.role) } : {}),
        ...(optional(contact.email) ? { email: optional(contact.email) } : {}),
        ...(optional(contact.phone) ? { phone: optional(contact.phone) } : {}),
      },
      challenges,
      sdgs: [...sdgs].sort((a, b) => a - b),
      cooperationAreas: areas,
    });
  };

  if (members.isPending || members.error || catalogue.isPending || catalogue.error) {
    return (
      <div className="page">
        <h1>{t.library.submitHeading}</h1>
        <QueryState
          pending={members.isPending || catalogue.isPending}
          error={members.error ?? catalogue.error}
        />
      </div>
    );
  }
  const cities = ownCity ? members.data.filter((city) => city.id === ownCity) : members.data;
  const text = (
    label: string,
    field: (typeof FIELDS)[number],
    value: string,
    set: (value: string) => void,
    required = true,
  ) => (
    <FormField label={label} field={field} error={error}>
      {(control) => (
        <textarea
          {...control}
          required={required}
          rows={4}
          dir="auto"
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <div className="page">
      <h1>{t.library.submitHeading}</h1>
      <form className="stack form" onSubmit={submit} noValidate>
        {error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? (
          <p role="alert" className="error">
            {t.library.submitInvalid}
          </p>
        ) : (
          <ProblemAlert error={error} />
        )}
        <FormField label={t.library.title} field="title" error={error}>
          {(control) => (
            <input
              {...control}
              required
              dir="auto"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t.library.city} field="cityId" error={error}>
          {(control) => (
            <select {...control} required value={cityId} onChange={(e) => setCityId(e.target.value)}>
              {ownCity ? null : <option value="">{t.library.chooseCity}</option>}
              {cities.map((city) => (
                <option key={city.id} value={city.id}>
                  {city.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text(t.library.problem, 'problem', problem, setProblem)}
        {text(t.library.solution, 'solution', solution, setSolution)}
        {text(t.library.results, 'results', results, setResults)}
        {text(t.library.lessons, 'lessons', lessons, setLessons, false)}
        <fieldset>
          <legend>{t.library.contact}</legend>
          <FormField label={t.library.contactName} field="contact.name" error={error}>
            {(control) => (
              <input
                {...control}
                required
                dir="auto"
                value={contact.name}
                onChange={(e) => setContact({ ...contact, name: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t.library.contactRole} field="contact.role" error={error}>
            {(control) => (
              <input
                {...control}
                dir="auto"
                value={contact.role}
                onChange={(e) => setContact({ ...contact, role: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t.library.contactEmail} field="contact.email" error={error}>
            {(control) => (
              <input
                {...control}
                type="email"
                value={contact.email}
                onChange={(e) => setContact({ ...contact, email: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t.library.contactPhone} field="contact.phone" error={error}>
            {(control) => (
              <input
                {...control}
                type="tel"
                value={contact.phone}
                onChange={(e) => setContact({ ...contact, phone: e.target.value })}
              />
            )}
          </FormField>
        </fieldset>
        <CheckboxGroup
          legend={t.library.challenges}
          field="challenges"
          error={error}
          options={catalogue.data.challenges.map((challenge) => ({
            value: challenge.id as Challenge,
            label: challenge.label,
          }))}
          selected={challenges}
          onChange={setChallenges}
        />
        <CheckboxGroup
          legend={t.library.sdgs}
          field="sdgs"
          error={error}
          options={catalogue.data.sdgs.map((sdg) => ({
            value: sdg.goal,
            label: sdgLabel(catalogue.data, sdg.goal),
          }))}
          selected={sdgs}
          onChange={setSdgs}
        />
        <CheckboxGroup
          legend={t.library.areas}
          field="cooperationAreas"
          error={error}
          options={catalogue.data.cooperationAreas.map((area) => ({ value: area, label: areaLabel(area) }))}
          selected={areas}
          onChange={setAreas}
        />
        <UnplacedFieldErrors error={error} placed={FIELDS} />
        <div>
          <button type="submit" disabled={submitPractice.isPending}>
            {submitPractice.isPending ? t.library.submitting : t.library.submitButton}
          </button>
        </div>
      </form>
    </div>
  );
}
