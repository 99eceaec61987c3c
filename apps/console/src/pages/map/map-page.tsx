import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../../i18n';
import { QueryState } from '../../ui/problem-alert';
import { landPaths, linkPath, MAP_HEIGHT, MAP_WIDTH, project, type Point } from './geometry';
import {
  ALL_CITIES_KEY,
  ALL_PARTNERSHIPS_KEY,
  allCities,
  allPartnerships,
  COOPERATION_AREAS,
  filterPartnerships,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  SDG_NUMBERS,
  type City,
  type Partnership,
  type PartnershipFilter,
  type PartnershipType,
} from './map-data';
import { networkLayout } from './network-layout';

/** One colour per type, each at least 3:1 against the sea and the land (WCAG 1.4.11). */
export const TYPE_COLOURS: Record<PartnershipType, string> = {
  'sister-city': '#b3261e',
  friendship: '#7b3fa0',
  'memorandum-of-understanding': '#0b57a4',
  'project-partnership': '#1e7a3c',
  'multilateral-network': '#8f4700',
  'technical-cooperation': '#00666f',
};

/**
 * Performance marks the benchmark reads (tools/bench/console.bench.ts): every city and partnership
 * loaded, and the first frame after the page drew them all (map, links and the list).
 */
export const MARK_DATA = 'c2c:map-data';
export const MARK_USABLE = 'c2c:map-usable';

type View = 'map' | 'network';

export function Component() {
  const cities = useQuery({ queryKey: ALL_CITIES_KEY, queryFn: allCities, staleTime: 60_000 });
  const partnerships = useQuery({
    queryKey: ALL_PARTNERSHIPS_KEY,
    queryFn: allPartnerships,
    staleTime: 60_000,
  });
  const [filter, setFilter] = useState<PartnershipFilter>({});
  const [view, setView] = useState<View>('map');
  const followLink = useInternalLinks();

  const ready = cities.data !== undefined && partnerships.data !== undefined;
  // At the render that has it all: from here on the time is drawing, not loading.
  if (ready && performance.getEntriesByName(MARK_DATA, 'mark').length === 0) performance.mark(MARK_DATA);
  return (
    <div className="page map-page">
      <h1>{t.map.heading}</h1>
      <Filters filter={filter} onChange={setFilter} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setView(view === 'map' ? 'network' : 'map')}
        >
          {view === 'map' ? t.map.showNetwork : t.map.showMap}
        </button>
        {view === 'network' ? <span className="muted">{t.map.viewHint}</span> : null}
      </div>
      {ready ? (
        <Drawing
          cities={cities.data}
          partnerships={partnerships.data}
          filter={filter}
          view={view}
          onClick={followLink}
        />
      ) : (
        <QueryState
          pending={cities.isPending || partnerships.isPending}
          error={cities.error ?? partnerships.error}
        />
      )}
    </div>
  );
}

function Filters({
  filter,
  onChange,
}: {
  filter: PartnershipFilter;
  onChange: (filter: PartnershipFilter) => void;
}) {
  const set = <K extends keyof PartnershipFilter>(key: K, value: PartnershipFilter[K] | undefined) =>
    onChange({ ...filter, [key]: value });
  return (
    <form className="filters" aria-label={t.map.filters} onSubmit={(event) => event.preventDefault()}>
      <Select
        label={t.map.type}
        value={filter.type ?? ''}
        options={PARTNERSHIP_TYPES.map((type) => [type, t.map.types[type] ?? type])}
        onChange={(value) => set('type', (value || undefined) as PartnershipFilter['type'])}
      />
      <Select
        label={t.map.area}
        value={filter.area ?? ''}
        options={COOPERATION_AREAS.map((area) => [area, t.map.areas[area] ?? area])}
        onChange={(value) => set('area', (value || undefined) as PartnershipFilter['area'])}
      />
      <Select
        label={t.map.sdg}
        value={filter.sdg === undefined ? '' : String(filter.sdg)}
        options={SDG_NUMBERS.map((sdg) => [String(sdg), t.map.sdgOption(sdg)])}
        onChange={(value) => set('sdg', value ? Number(value) : undefined)}
      />
      <Select
        label={t.map.status}
        value={filter.status ?? ''}
        options={PARTNERSHIP_STATUSES.map((status) => [status, status])}
        onChange={(value) => set('status', (value || undefined) as PartnershipFilter['status'])}
      />
    </form>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  // The label beside its control, not around it: the select's name is the label alone.
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t.map.any}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Placed {
  /** Each placed city's point, in the order cities are drawn. */
  points: Map<string, Point>;
  byId: Map<string, City>;
  unplaced: number;
}

/** Every city projected once per load of the cities, not once per render or filter change. */
function placeCities(cities: readonly City[]): Placed {
  const points = new Map<string, Point>();
  const byId = new Map<string, City>();
  let unplaced = 0;
  for (const city of cities) {
    byId.set(city.id, city);
    const point = project(city.latitude, city.longitude);
    if (point) points.set(city.id, point);
    else unplaced++;
  }
  return { points, byId, unplaced };
}

function Drawing({
  cities,
  partnerships,
  filter,
  view,
  onClick,
}: {
  cities: City[];
  partnerships: Partnership[];
  filter: PartnershipFilter;
  view: View;
  onClick: (event: MouseEvent) => void;
}) {
  const placed = useMemo(() => placeCities(cities), [cities]);
  const shown = useMemo(() => filterPartnerships(partnerships, filter), [partnerships, filter]);
  const network = useMemo(() => (view === 'network' ? layoutOf(shown, placed) : null), [view, shown, placed]);
  const positions = network ?? placed.points;
  const drawn = useMemo(
    () => [...positions].map(([id, point]) => ({ id, point, city: placed.byId.get(id) })),
    [positions, placed],
  );
  useMarkAfterPaint(MARK_USABLE);
  const land = view === 'map' ? landPaths() : null;

  return (
    <>
      <svg
        role="img"
        aria-label={t.map.label}
        className="map-svg"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        onClick={onClick}
      >
        {land ? (
          <g>
            <path className="land" d={land.countries} />
            <path d={land.borders} fill="none" stroke="#b9b4a5" strokeWidth={0.5} />
          </g>
        ) : null}
        <g fill="none" strokeWidth={1} strokeOpacity={0.6}>
          {shown.map((p) => {
            const d = linkPath(p.participants.map((participant) => positions.get(participant.cityId)));
            return d === null ? null : (
              <path
                key={p.id}
                d={d}
                stroke={TYPE_COLOURS[p.type]}
                strokeDasharray={p.status === 'active' ? undefined : '4 3'}
              >
                <title>{t.map.linkTitle(p.title, p.status)}</title>
              </path>
            );
          })}
        </g>
        <g>
          {drawn.map(({ id, point, city }) => (
            <circle
              key={id}
              className="city"
              data-city-id={id}
              cx={point[0]}
              cy={point[1]}
              r={3}
              fill={city?.membershipStatus === 'member' ? '#1b1f24' : '#ffffff'}
              stroke="#1b1f24"
              strokeWidth={1}
            >
              <title>{city ? t.map.city(city.name, city.countryCode) : id}</title>
            </circle>
          ))}
        </g>
      </svg>
      <Legend />
      <p className="muted" aria-live="polite">
        {t.map.counts(drawn.length, shown.length)}
        {view === 'map' && placed.unplaced > 0 ? ` ${t.map.noCoordinates(placed.unplaced)}` : ''}
      </p>
      <ShownList partnerships={shown} onClick={onClick} />
    </>
  );
}

/** The network's cities (those the shown partnerships join) and their positions. */
function layoutOf(shown: readonly Partnership[], placed: Placed): Map<string, Point> {
  const ids = new Set<string>();
  const links: [string, string][] = [];
  for (const p of shown) {
    const [first, ...rest] = p.participants;
    if (!first) continue;
    ids.add(first.cityId);
    for (const other of rest) {
      ids.add(other.cityId);
      links.push([first.cityId, other.cityId]);
    }
  }
  return networkLayout([...ids], links, (id) => placed.points.get(id) ?? null);
}

function Legend() {
  return (
    <ul className="legend" aria-label={t.map.legend}>
      {PARTNERSHIP_TYPES.map((type) => (
        <li key={type}>
          <Swatch colour={TYPE_COLOURS[type]} />
          {t.map.types[type] ?? type}
        </li>
      ))}
      <li>
        <Swatch colour="#1b1f24" dashed />
        {t.map.notActive}
      </li>
      <li>
        <Dot filled />
        {t.map.member}
      </li>
      <li>
        <Dot filled={false} />
        {t.map.otherCity}
      </li>
    </ul>
  );
}

const Swatch = ({ colour, dashed = false }: { colour: string; dashed?: boolean }) => (
  <svg className="swatch-svg" width="24" height="10" aria-hidden="true">
    <line
      x1="0"
      y1="5"
      x2="24"
      y2="5"
      stroke={colour}
      strokeWidth={3}
      strokeDasharray={dashed ? '4 3' : undefined}
    />
  </svg>
);

const Dot = ({ filled }: { filled: boolean }) => (
  <svg className="swatch-svg" width="12" height="12" aria-hidden="true">
    <circle cx="6" cy="6" r="4" fill={filled ? '#1b1f24' : '#ffffff'} stroke="#1b1f24" strokeWidth={1} />
  </svg>
);

/**
 * The shown partnerships as text: what the map says, for a screen reader and a keyboard. Each item
 * is a few nodes (plain links, one click handler for the list, not a router link per item) and the
 * browser lays out only those on screen (content-visibility in styles.css): 2,000 stay cheap.
 */
function ShownList({
  partnerships,
  onClick,
}: {
  partnerships: Partnership[];
  onClick: (event: MouseEvent) => void;
}) {
  return (
    <section aria-labelledby="map-shown" className="card">
      <h2 id="map-shown">{t.map.shown}</h2>
      {partnerships.length === 0 ? (
        <p className="muted">{t.map.noneShown}</p>
      ) : (
        <ul className="items shown-list" onClick={onClick}>
          {partnerships.map((p) => (
            <li key={p.id}>
              <a href={`/console/partnerships/${p.id}`} dir="auto">
                {p.title}
              </a>{' '}
              <span className="status">{p.status}</span>{' '}
              <span className="muted" dir="auto">
                {t.map.participants(
                  t.map.types[p.type] ?? p.type,
                  p.participants.map((x) => x.name).join(' · '),
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One click handler for many links: a plain click on a console link (or on a city's dot) navigates
 * in the app; a click with a modifier (new tab, new window) is left to the browser.
 */
function useInternalLinks() {
  const navigate = useNavigate();
  return (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const target = event.target as Element;
    const cityId = target.closest('[data-city-id]')?.getAttribute('data-city-id');
    if (cityId) {
      event.preventDefault();
      void navigate(`/cities/${cityId}`);
      return;
    }
    const href = target.closest('a')?.getAttribute('href');
    if (href?.startsWith('/console/')) {
      event.preventDefault();
      void navigate(href.slice('/console'.length));
    }
  };
}

/** A performance mark, once per page load, after the frame that shows the page's content is painted. */
function useMarkAfterPaint(name: string) {
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || performance.getEntriesByName(name, 'mark').length > 0) return;
    marked.current = true;
    // A timer set in the frame's callback runs once that frame has been rendered.
    requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  }, [name]);
}
