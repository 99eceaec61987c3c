import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canProposePartnership } from '../../auth/permissions';
import { t } from '../../i18n';
import { useCityOptions } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { QueryState } from '../../ui/problem-alert';
import {
  COOPERATION_AREAS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  parseOneOf,
  type Partnership,
} from './vocabulary';

const PAGE_SIZE = 25;

/** The partnerships, filtered by status, type and city (by the API) and cooperation area (on what is loaded). */
export function Component() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = parseOneOf(PARTNERSHIP_STATUSES, params.get('status'));
  const type = parseOneOf(PARTNERSHIP_TYPES, params.get('type'));
  const area = parseOneOf(COOPERATION_AREAS, params.get('area'));
  const cities = useCityOptions();
  const cityId = params.get('city') ?? undefined;
  const list = useCursorPages<Partnership>(['partnerships', 'list', status, type, cityId], async (cursor) => {
    const query = {
      limit: PAGE_SIZE,
      ...(status ? { status } : {}),
      ...(type ? { type } : {}),
      ...(cityId ? { cityId } : {}),
    };
    return unwrap(
      await api.GET('/api/v1/partnerships', {
        params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
      }),
    );
  });
  // The API filters partnerships by status, type and city only; an area narrows the pages loaded.
  const shown = area ? list.items.filter((p) => p.cooperationAreas.includes(area)) : list.items;

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.partnerships.heading}</h1>
        {canProposePartnership(me) ? (
          <Link className="button-link" to="/partnerships/new">
            {t.partnerships.propose}
          </Link>
        ) : null}
      </div>
      <form
        className="filters"
        aria-label={t.partnerships.filters}
        onSubmit={(event) => event.preventDefault()}
      >
        <FilterSelect
          label={t.partnerships.status}
          value={status}
          options={PARTNERSHIP_STATUSES.map((value) => [value, value])}
          onChange={(value) => setFilter('status', value)}
        />
        <FilterSelect
          label={t.partnerships.type}
          value={type}
          options={PARTNERSHIP_TYPES.map((value) => [value, t.partnerships.types[value] ?? value])}
          onChange={(value) => setFilter('type', value)}
        />
        <FilterSelect
          label={t.partnerships.areas}
          value={area}
          options={COOPERATION_AREAS.map((value) => [value, t.partnerships.areaNames[value] ?? value])}
          onChange={(value) => setFilter('area', value)}
        />
        <FilterSelect
          label={t.partnerships.city}
          value={cityId}
          options={(cities.data ?? []).map((city) => [city.id, city.name])}
          onChange={(value) => setFilter('city', value)}
        />
      </form>
      {area ? <p className="muted">{t.partnerships.areaFilterNote}</p> : null}
      {list.isPending || list.error ? (
        <QueryState pending={list.isPending} error={list.error} />
      ) : shown.length === 0 && !list.hasMore ? (
        <p className="muted">{t.partnerships.noneMatch}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t.partnerships.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.partnerships.title}</th>
              <th scope="col">{t.partnerships.status}</th>
              <th scope="col">{t.partnerships.type}</th>
              <th scope="col">{t.partnerships.participants}</th>
              <th scope="col">{t.partnerships.areas}</th>
              <th scope="col">{t.partnerships.lastActivity}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/partnerships/${p.id}`} dir="auto">
                    {p.title}
                  </Link>
                </td>
                <td>
                  <span className="status">{p.status}</span>
                  {p.dormant ? <span className="muted"> ({t.partnerships.dormant})</span> : null}
                </td>
                <td>{t.partnerships.types[p.type] ?? p.type}</td>
                <td>
                  {p.participants.map((participant, index) => (
                    <span key={participant.cityId}>
                      {index > 0 ? ' · ' : null}
                      <bdi>{participant.name}</bdi>
                    </span>
                  ))}
                </td>
                <td>
                  {p.cooperationAreas.map((value) => t.partnerships.areaNames[value] ?? value).join(', ')}
                </td>
                <td>{p.lastActivityOn ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  // The label beside its control, not around it: a select's name is then its label, not label + option.
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t.partnerships.any}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
