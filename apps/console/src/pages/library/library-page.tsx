import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { actingCityOf, canSeeUnpublishedPractices, canSubmitPractice } from '../../auth/permissions';
import { t } from '../../i18n';
import { cityNameIn, useCityOptions } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { QueryState } from '../../ui/problem-alert';
import {
  areaLabel,
  challengeLabel,
  sdgLabel,
  usePracticeCatalogue,
  type Challenge,
  type PracticeArea,
  type PracticeStatus,
} from './catalogue';

type StatusFilter = PracticeStatus | 'all';
const STATUSES = ['published', 'submitted', 'returned', 'all'] as const satisfies readonly StatusFilter[];

interface Filters {
  readonly q: string;
  readonly challenge: Challenge | '';
  readonly sdg: string;
  readonly cooperationArea: PracticeArea | '';
  readonly cityId: string;
  readonly status: StatusFilter;
}

const NO_FILTERS: Filters = {
  q: '',
  challenge: '',
  sdg: '',
  cooperationArea: '',
  cityId: '',
  status: 'published',
};

export function Component() {
  const me = useMe();
  const ids = { q: useId(), challenge: useId(), sdg: useId(), area: useId(), city: useId(), status: useId() };
  const catalogue = usePracticeCatalogue();
  const cities = useCityOptions();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const ownCity = actingCityOf(me);
  // A city officer sees its own city's unpublished practices, and only when it names its city.
  const reviewer = canSeeUnpublishedPractices(me);
  const mayFilterStatus = reviewer || (ownCity !== null && canSeeUnpublishedPractices(me, ownCity));
  const cityId = !reviewer && filters.status !== 'published' && ownCity ? ownCity : filters.cityId;

  const practices = useCursorPages(['best-practices', filters, cityId], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/best-practices', {
        params: {
          query: {
            limit: 20,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.challenge ? { challenge: filters.challenge } : {}),
            ...(filters.sdg ? { sdg: Number(filters.sdg) } : {}),
            ...(filters.cooperationArea ? { cooperationArea: filters.cooperationArea } : {}),
            ...(cityId ? { cityId } : {}),
            ...(filters.status !== 'published' ? { status: filters.status } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    ),
  );

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...filters, q: search.trim() });
  };
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });

  return (
    <div className="page library">
      <h1>{t.library.heading}</h1>
      {canSubmitPractice(me) ? (
        <p>
          <Link to="/library/new">{t.library.submit}</Link>
        </p>
      ) : null}
      <form className="filters" role="search" onSubmit={submitSearch}>
        <div className="field">
          <label htmlFor={ids.q}>{t.library.search}</label>
          <input
            id={ids.q}
            type="search"
            dir="auto"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button type="submit">{t.library.searchSubmit}</button>
        <div className="field">
          <label htmlFor={ids.challenge}>{t.library.challenge}</label>
          <select
            id={ids.challenge}
            value={filters.challenge}
            onChange={(e) => set({ challenge: e.target.value as Challenge | '' })}
          >
            <option value="">{t.library.any}</option>
            {(catalogue.data?.challenges ?? []).map((challenge) => (
              <option key={challenge.id} value={challenge.id}>
                {challenge.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sdg}>{t.library.sdgFilter}</label>
          <select id={ids.sdg} value={filters.sdg} onChange={(e) => set({ sdg: e.target.value })}>
            <option value="">{t.library.any}</option>
            {(catalogue.data?.sdgs ?? []).map((sdg) => (
              <option key={sdg.goal} value={String(sdg.goal)}>
                {sdgLabel(catalogue.data, sdg.goal)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.area}>{t.library.area}</label>
          <select
            id={ids.area}
            value={filters.cooperationArea}
            onChange={(e) => set({ cooperationArea: e.target.value as PracticeArea | '' })}
          >
            <option value="">{t.library.any}</option>
            {(catalogue.data?.cooperationAreas ?? []).map((area) => (
              <option key={area} value={area}>
                {areaLabel(area)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.city}>{t.library.city}</label>
          <select
            id={ids.city}
            value={cityId}
            disabled={cityId !== filters.cityId}
            onChange={(e) => set({ cityId: e.target.value })}
          >
            <option value="">{t.library.any}</option>
            {(cities.data ?? []).map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </div>
        {mayFilterStatus ? (
          <div className="field">
            <label htmlFor={ids.status}>{t.library.status}</label>
            <select
              id={ids.status}
              value={filters.status}
              onChange={(e) => set({ status: e.target.value as StatusFilter })}
            >
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t.library.statuses[status]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>
      {catalogue.error ? <QueryState pending={false} error={catalogue.error} /> : null}
      {practices.isPending || practices.error ? (
        <QueryState pending={practices.isPending} error={practices.error} />
      ) : practices.items.length === 0 ? (
        <p className="muted">{t.library.empty}</p>
      ) : (
        <ul className="plain practices">
          {practices.items.map((practice) => (
            <li key={practice.id} className="card practice" data-testid="practice">
              <h2>
                <Link to={`/library/${practice.id}`} dir="auto">
                  {practice.title}
                </Link>
              </h2>
              <p className="muted">
                <span dir="auto">{cityNameIn(cities.data, practice.cityId)}</span>
                {practice.status !== 'published' ? (
                  <>
                    {' · '}
                    <span className="status">{practice.status}</span>
                  </>
                ) : null}
                {practice.publishedAt
                  ? ` · ${t.library.publishedOn(practice.publishedAt.slice(0, 10))}`
                  : null}
              </p>
              <p className="tags">
                {practice.challenges.map((id) => challengeLabel(catalogue.data, id)).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={practices} />
    </div>
  );
}
