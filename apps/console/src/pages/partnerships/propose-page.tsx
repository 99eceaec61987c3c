import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, idempotencyKey, localProblem, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { proposingCityOf } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCityOptions } from '../../ui/city-options';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { ProblemAlert, QueryState } from '../../ui/problem-alert';
import {
  COOPERATION_AREAS,
  PARTNERSHIP_TYPES,
  parseSdgs,
  type CooperationArea,
  type PartnershipType,
} from './vocabulary';

type Proposal = Schemas['ProposePartnershipDto'];

const FIELDS = [
  'title',
  'description',
  'proposerCityId',
  'participantCityIds',
  'type',
  'cooperationAreas',
  'sdgTags',
  'startDate',
  'endDate',
] as const;

export function Component() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const members = useCityOptions('member');
  const ownCity = proposingCityOf(me);

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [proposerCityId, setProposerCityId] = useState(ownCity ?? '');
  const [partnerCityId, setPartnerCityId] = useState(params.get('partner') ?? '');
  const [type, setType] = useState<PartnershipType>('sister-city');
  const [areas, setAreas] = useState<CooperationArea[]>([]);
  const [sdgs, setSdgs] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');

  const propose = useMutation({
    mutationFn: async (proposal: Proposal) =>
      unwrap(
        await api.POST('/api/v1/partnerships', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: proposal,
        }),
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      await navigate(`/partnerships/${created.id}`);
    },
  });
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const error = localError ?? propose.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sdgTags = parseSdgs(sdgs);
    if (sdgTags === null) {
      setLocalError(localProblem(t.propose.invalid, 'sdgTags', t.propose.sdgsInvalid));
      return;
    }
    setLocalError(null);
    propose.mutate({
      type,
      title: title.trim(),
      proposerCityId,
      participantCityIds: partnerCityId ? [partnerCityId] : [],
      cooperationAreas: areas,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(sdgTags.length > 0 ? { sdgTags } : {}),
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
    });
  };

  if (members.isPending || members.error) {
    return (
      <div className="page">
        <h1>{t.propose.heading}</h1>
        <QueryState pending={members.isPending} error={members.error} />
      </div>
    );
  }
  const cities = members.data;
  const proposers = ownCity ? cities.filter((city) => city.id === ownCity) : cities;
  const partners = cities.filter((city) => city.id !== proposerCityId);

  return (
    <div className="page">
      <h1>{t.propose.heading}</h1>
      <form className="stack form" onSubmit={submit} noValidate>
        {error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 ? (
          <p role="alert" className="error">
            {t.propose.invalid}
          </p>
        ) : (
          <ProblemAlert error={error} />
        )}
        <FormField label={t.propose.title} field="title" error={error}>
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
        <FormField label={t.propose.description} field="description" error={error}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              dir="auto"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t.propose.proposerCity} field="proposerCityId" error={error}>
          {(control) => (
            <select
              {...control}
              required
              value={proposerCityId}
              onChange={(e) => setProposerCityId(e.target.value)}
            >
              {ownCity ? null : <option value="">{t.propose.chooseCity}</option>}
              {proposers.map((city) => (
                <option key={city.id} value={city.id}>
                  {city.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.propose.partnerCity} field="participantCityIds" error={error}>
          {(control) => (
            <select
              {...control}
              required
              value={partnerCityId}
              onChange={(e) => setPartnerCityId(e.target.value)}
            >
              <option value="">{t.propose.chooseCity}</option>
              {partners.map((city) => (
                <option key={city.id} value={city.id}>
                  {city.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.propose.type} field="type" error={error}>
          {(control) => (
            <select {...control} value={type} onChange={(e) => setType(e.target.value as PartnershipType)}>
              {PARTNERSHIP_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t.partnerships.types[value] ?? value}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.propose.areas} field="cooperationAreas" error={error} hint={t.propose.areasHint}>
          {(control) => (
            <select
              {...control}
              multiple
              size={6}
              value={areas}
              onChange={(e) =>
                setAreas([...e.target.selectedOptions].map((option) => option.value as CooperationArea))
              }
            >
              {COOPERATION_AREAS.map((value) => (
                <option key={value} value={value}>
                  {t.partnerships.areaNames[value] ?? value}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.propose.sdgs} field="sdgTags" error={error}>
          {(control) => (
            <input {...control} inputMode="numeric" value={sdgs} onChange={(e) => setSdgs(e.target.value)} />
          )}
        </FormField>
        <FormField label={t.propose.startDate} field="startDate" error={error}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t.propose.endDate} field="endDate" error={error}>
          {(control) => (
            <input {...control} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          )}
        </FormField>
        <UnplacedFieldErrors error={error} placed={FIELDS} />
        <div>
          <button type="submit" disabled={propose.isPending}>
            {propose.isPending ? t.propose.submitting : t.propose.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
