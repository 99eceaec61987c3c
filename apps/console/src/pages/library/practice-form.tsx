import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../api/client';
import { ApiError } from '../../api/problem';
import { t } from '../../i18n';
import type { City } from '../../ui/city-options';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { ProblemAlert } from '../../ui/problem-alert';
import { CheckboxGroup } from '../../ui/checkbox-group';
import { areaLabel, sdgLabel, type Challenge, type PracticeArea } from './catalogue';

/** What a city writes about its practice: a submission without its city, and a revision whole. */
export type PracticeContent = Schemas['PracticeContentDto'];

/** The form's starting values: empty for a new practice, the practice itself for a revision. */
export interface PracticeDraft extends PracticeContent {
  cityId: string;
}

export const EMPTY_DRAFT = (cityId: string): PracticeDraft => ({
  cityId,
  title: '',
  problem: '',
  solution: '',
  results: '',
  contact: { name: '' },
  challenges: [],
  sdgs: [],
  cooperationAreas: [],
});

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

/**
 * The practice form, for a submission and a revision alike: the problem+json errors at their fields,
 * the catalogue's challenges, SDGs and areas as checkboxes. `save` sends it (a `POST` or a `PUT`);
 * the practice's page opens once it is saved.
 */
export function PracticeForm({
  heading,
  draft,
  cities,
  cityFixed,
  catalogue,
  save,
  buttonLabel,
  savingLabel,
}: {
  heading: string;
  draft: PracticeDraft;
  /** The cities the practice may be of; with `cityFixed`, the one it is of. */
  cities: City[];
  cityFixed: boolean;
  catalogue: Schemas['PracticeCatalogueResponse'];
  save: (cityId: string, content: PracticeContent) => Promise<{ id: string }>;
  buttonLabel: string;
  savingLabel: string;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(draft.title);
  const [cityId, setCityId] = useState(draft.cityId);
  const [problem, setProblem] = useState(draft.problem);
  const [solution, setSolution] = useState(draft.solution);
  const [results, setResults] = useState(draft.results);
  const [lessons, setLessons] = useState(draft.lessons ?? '');
  const [contact, setContact] = useState({
    name: draft.contact.name,
    role: draft.contact.role ?? '',
    email: draft.contact.email ?? '',
    phone: draft.contact.phone ?? '',
  });
  const [challenges, setChallenges] = useState<Challenge[]>(draft.challenges as Challenge[]);
  const [sdgs, setSdgs] = useState<number[]>(draft.sdgs);
  const [areas, setAreas] = useState<PracticeArea[]>(draft.cooperationAreas as PracticeArea[]);

  const submitPractice = useMutation({
    mutationFn: (content: PracticeContent) => save(cityId, content),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['best-practices'] });
      await navigate(`/library/${saved.id}`);
    },
  });
  const error = submitPractice.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    submitPractice.mutate({
      title: title.trim(),
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
      <h1>{heading}</h1>
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
            <select
              {...control}
              required
              disabled={cityFixed}
              value={cityId}
              onChange={(e) => setCityId(e.target.value)}
            >
              {cityFixed ? null : <option value="">{t.library.chooseCity}</option>}
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
          options={catalogue.challenges.map((challenge) => ({
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
          options={catalogue.sdgs.map((sdg) => ({
            value: sdg.goal,
            label: sdgLabel(catalogue, sdg.goal),
          }))}
          selected={sdgs}
          onChange={setSdgs}
        />
        <CheckboxGroup
          legend={t.library.areas}
          field="cooperationAreas"
          error={error}
          options={catalogue.cooperationAreas.map((area) => ({ value: area, label: areaLabel(area) }))}
          selected={areas}
          onChange={setAreas}
        />
        <UnplacedFieldErrors error={error} placed={FIELDS} />
        <div>
          <button type="submit" disabled={submitPractice.isPending}>
            {submitPractice.isPending ? savingLabel : buttonLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
