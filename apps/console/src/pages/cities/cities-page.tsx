import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { t } from '../../i18n';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { QueryState } from '../../ui/problem-alert';
import { CITY_LEVELS, MEMBERSHIPS, localNameLang, parseChoice } from './city-vocabulary';

type City = Schemas['CityResponse'];

/** Typing settles for this long before the search is sent, so a word is one request, not one a letter. */
const SEARCH_SETTLE_MS = 250;
const PAGE_SIZE = 25;

/** The cities, searched by name in any script (the API forgives small typos) and filtered. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const country = (params.get('country') ?? '').toUpperCase();
  const level = parseChoice(CITY_LEVELS, params.get('level'));
  const membership = parseChoice(MEMBERSHIPS, params.get('membership'));
  const [typed, setTyped] = useState(q);
  const ids = { search: useId(), country: useId(), level: useId(), membership: useId() };

  const setParam = (name: string, value: string) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => setParam('q', typed.trim()), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
    // Only what was typed starts a search; setParam is a fresh function each render.
  }, [typed, q]);

  const validCountry = /^[A-Z]{2}$/.test(country) ? country : undefined;
  const list = useCursorPages<City>(
    ['cities', 'search', q, validCountry, level, membership],
    async (cursor) => {
      const query = {
        limit: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(validCountry ? { country: validCountry } : {}),
        ...(level ? { level } : {}),
        ...(membership ? { membership } : {}),
        ...(cursor ? { cursor } : {}),
      };
      return unwrap(await api.GET('/api/v1/cities', { params: { query } }));
    },
  );

  return (
    <div className="page">
      <h1>{t.cities.heading}</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParam('q', typed.trim());
        }}
      >
        <div className="field">
          <label htmlFor={ids.search}>{t.cities.search}</label>
          <input
            id={ids.search}
            type="search"
            dir="auto"
            value={typed}
            aria-describedby="city-search-hint"
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.country}>{t.cities.country}</label>
          <input
            id={ids.country}
            className="narrow"
            maxLength={2}
            autoCapitalize="characters"
            value={country}
            onChange={(event) => setParam('country', event.target.value.toUpperCase())}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.level}>{t.cities.level}</label>
          <select
            id={ids.level}
            value={level ?? ''}
            onChange={(event) => setParam('level', event.target.value)}
          >
            <option value="">{t.cities.any}</option>
            {CITY_LEVELS.map((value) => (
              <option key={value} value={value}>
                {t.cities.levels[value] ?? value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.membership}>{t.cities.membership}</label>
          <select
            id={ids.membership}
            value={membership ?? ''}
            onChange={(event) => setParam('membership', event.target.value)}
          >
            <option value="">{t.cities.any}</option>
            {MEMBERSHIPS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.cities.searchButton}</button>
      </form>
      <p id="city-search-hint" className="muted">
        {t.cities.searchHint}
      </p>
      {list.isPending || list.error ? (
        <QueryState pending={list.isPending} error={list.error} />
      ) : list.items.length === 0 ? (
        <p className="muted">{t.cities.noneMatch}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t.cities.results}</caption>
          <thead>
            <tr>
              <th scope="col">{t.cities.name}</th>
              <th scope="col">{t.cities.localName}</th>
              <th scope="col">{t.cities.country}</th>
              <th scope="col">{t.cities.level}</th>
              <th scope="col">{t.cities.membership}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((city) => (
              <tr key={city.id}>
                <td>
                  <Link to={`/cities/${city.id}`} dir="auto">
                    {city.name}
                  </Link>
                  {city.archivedAt ? <span className="muted"> ({t.cities.archived})</span> : null}
                </td>
                <td>
                  {city.localName ? (
                    <span lang={localNameLang(city)} dir="auto">
                      {city.localName}
                    </span>
                  ) : null}
                </td>
                <td>{city.countryCode}</td>
                <td>{t.cities.levels[city.level] ?? city.level}</td>
                <td>{city.membershipStatus}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </div>
  );
}
