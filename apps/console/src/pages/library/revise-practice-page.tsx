import { useParams } from 'react-router';
import { api } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canRevisePractice } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCityOptions } from '../../ui/city-options';
import { QueryState } from '../../ui/problem-alert';
import { usePracticeCatalogue } from './catalogue';
import { usePractice } from './practice-query';
import { PracticeForm } from './practice-form';

/**
 * Revising a practice not yet published (a returned one, mostly) and submitting it again: the form
 * starts from the practice as it is, and the `PUT` names the version it started from, so another's
 * change in between is a 412 explained on the form rather than overwritten.
 */
export function Component() {
  const { id = '' } = useParams();
  const me = useMe();
  const practice = usePractice(id);
  const cities = useCityOptions();
  const catalogue = usePracticeCatalogue();
  const pending = practice.isPending || cities.isPending || catalogue.isPending;
  const error = practice.error ?? cities.error ?? catalogue.error;
  if (pending || error || !practice.data || !cities.data || !catalogue.data) {
    return (
      <div className="page">
        <h1>{t.library.reviseHeading}</h1>
        <QueryState pending={pending} error={error} />
      </div>
    );
  }
  const current = practice.data;
  if (!canRevisePractice(me, current)) {
    return (
      <div className="page">
        <h1>{t.library.reviseHeading}</h1>
        <p className="notice">{t.library.notRevisable}</p>
      </div>
    );
  }
  const { contact, lessons } = current;
  return (
    <PracticeForm
      // A reload after a conflict brings a new version: the form starts again from it.
      key={current.version}
      heading={t.library.reviseHeading}
      draft={{
        cityId: current.cityId,
        title: current.title,
        problem: current.problem,
        solution: current.solution,
        results: current.results,
        challenges: current.challenges,
        sdgs: current.sdgs,
        cooperationAreas: current.cooperationAreas,
        ...(lessons ? { lessons } : {}),
        contact: {
          name: contact.name,
          ...(contact.role ? { role: contact.role } : {}),
          ...(contact.email ? { email: contact.email } : {}),
          ...(contact.phone ? { phone: contact.phone } : {}),
        },
      }}
      cities={cities.data.filter((city) => city.id === current.cityId)}
      cityFixed
      catalogue={catalogue.data}
      buttonLabel={t.library.reviseButton}
      savingLabel={t.library.submitting}
      save={async (_cityId, content) =>
        unwrap(
          await api.PUT('/api/v1/best-practices/{id}', {
            params: { path: { id }, header: { 'If-Match': ifMatch(current.version) } },
            body: content,
          }),
        )
      }
    />
  );
}
