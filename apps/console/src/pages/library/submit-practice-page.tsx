import { api } from '../../api/client';
import { idempotencyKey, unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { actingCityOf } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCityOptions } from '../../ui/city-options';
import { QueryState } from '../../ui/problem-alert';
import { usePracticeCatalogue } from './catalogue';
import { EMPTY_DRAFT, PracticeForm } from './practice-form';

/** Submitting a practice: an officer for their own city, the secretariat for any member city. */
export function Component() {
  const me = useMe();
  const ownCity = actingCityOf(me);
  const members = useCityOptions('member');
  const catalogue = usePracticeCatalogue();
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
  return (
    <PracticeForm
      heading={t.library.submitHeading}
      draft={EMPTY_DRAFT(ownCity ?? '')}
      cities={ownCity ? members.data.filter((city) => city.id === ownCity) : members.data}
      cityFixed={ownCity !== null}
      catalogue={catalogue.data}
      buttonLabel={t.library.submitButton}
      savingLabel={t.library.submitting}
      save={async (cityId, content) =>
        unwrap(
          await api.POST('/api/v1/best-practices', {
            params: { header: { 'Idempotency-Key': idempotencyKey() } },
            body: { ...content, cityId },
          }),
        )
      }
    />
  );
}
