import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, idempotencyKey, unwrap } from '../../api/problem';
import { t } from '../../i18n';
import type { City } from '../../ui/city-options';
import { FormField, UnplacedFieldErrors } from '../../ui/form-field';
import { ProblemAlert } from '../../ui/problem-alert';

type Role = Schemas['CreateUserDto']['role'];
const ROLES: readonly Role[] = ['city-officer', 'commission-officer', 'observer', 'secretariat'];
const FIELDS = ['email', 'name', 'password', 'role', 'cityId', 'commissionIds'] as const;

/** A new account; a city officer needs a city, a commission officer up to three commissions. */
export function CreateUserForm({ cities, onCreated }: { cities: readonly City[]; onCreated: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('city-officer');
  const [cityId, setCityId] = useState('');
  const [commissionIds, setCommissionIds] = useState<string[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const commissions = useQuery({
    queryKey: ['commissions', 'choices'],
    enabled: role === 'commission-officer',
    queryFn: async () => unwrap(await api.GET('/api/v1/commissions')).items,
  });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/users', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: {
            email: email.trim(),
            name: name.trim(),
            password,
            role,
            ...(role === 'city-officer' && cityId ? { cityId } : {}),
            ...(role === 'commission-officer' ? { commissionIds } : {}),
          },
        }),
      ),
    onSuccess: (user) => {
      setCreated(t.users.created(user.email));
      setEmail('');
      setName('');
      setPassword('');
      onCreated();
    },
  });
  const error = create.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  };
  const hasFieldErrors = error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0;

  return (
    <form className="stack form" onSubmit={submit} noValidate>
      {hasFieldErrors ? null : <ProblemAlert error={error} />}
      {created ? (
        <p role="status" className="notice">
          {created}
        </p>
      ) : null}
      <FormField label={t.users.email} field="email" error={error}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.users.name} field="name" error={error}>
        {(control) => (
          <input {...control} required dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormField>
      <FormField label={t.users.password} field="password" error={error} hint={t.users.passwordHint}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.users.role} field="role" error={error}>
        {(control) => (
          <select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t.roles[value] ?? value}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {role === 'city-officer' ? (
        <FormField label={t.users.city} field="cityId" error={error}>
          {(control) => (
            <select {...control} required value={cityId} onChange={(e) => setCityId(e.target.value)}>
              <option value="">{t.propose.chooseCity}</option>
              {cities.map((city) => (
                <option key={city.id} value={city.id}>
                  {city.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {role === 'commission-officer' ? (
        <FormField
          label={t.users.commissions}
          field="commissionIds"
          error={error}
          hint={t.users.commissionsHint}
        >
          {(control) => (
            <select
              {...control}
              multiple
              size={4}
              value={commissionIds}
              onChange={(e) => setCommissionIds([...e.target.selectedOptions].map((option) => option.value))}
            >
              {(commissions.data ?? []).map((commission) => (
                <option key={commission.id} value={commission.id}>
                  {commission.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <UnplacedFieldErrors error={error} placed={FIELDS} />
      <div>
        <button type="submit" disabled={create.isPending}>
          {t.users.submitCreate}
        </button>
      </div>
    </form>
  );
}
