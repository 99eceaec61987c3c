import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { t } from '../../i18n';
import { QueryState } from '../../ui/problem-alert';
import {
  ALL_PARTNERSHIPS_KEY,
  allPartnerships,
  PARTNERSHIP_STATUSES,
  type PartnershipStatus,
} from '../map/map-data';
import { BarChart } from './bar-chart';
import { byArea, bySdg, byStartYear } from './tallies';

export function Component() {
  // The same query as the map's: a visit to one serves the other.
  const partnerships = useQuery({
    queryKey: ALL_PARTNERSHIPS_KEY,
    queryFn: allPartnerships,
    staleTime: 60_000,
  });
  const [status, setStatus] = useState<PartnershipStatus | ''>('');
  const statusId = useId();
  const counted = useMemo(
    () => (partnerships.data ?? []).filter((p) => status === '' || p.status === status),
    [partnerships.data, status],
  );
  const charts = useMemo(() => {
    const years = byStartYear(counted);
    return {
      areas: byArea(counted).map(({ key, count }) => ({ label: t.map.areas[key] ?? key, count })),
      sdgs: bySdg(counted).map(({ key, count }) => ({ label: t.charts.sdgLabel(key), count })),
      years: [
        ...years.years.map(({ key, count }) => ({ label: String(key), count })),
        ...(years.undated > 0 ? [{ label: t.charts.noStart, count: years.undated }] : []),
      ],
    };
  }, [counted]);

  return (
    <div className="page charts-page">
      <h1>{t.charts.heading}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={statusId}>{t.charts.status}</label>
          <select
            id={statusId}
            value={status}
            onChange={(event) => setStatus(event.target.value as PartnershipStatus | '')}
          >
            <option value="">{t.charts.any}</option>
            {PARTNERSHIP_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </form>
      {partnerships.data ? (
        <>
          <p className="muted">
            {t.charts.intro(counted.length)} {t.charts.multiple}
          </p>
          <BarChart
            title={t.charts.byArea}
            categoryHeading={t.charts.area}
            bars={charts.areas}
            orientation="horizontal"
          />
          <BarChart
            title={t.charts.bySdg}
            categoryHeading={t.charts.sdg}
            bars={charts.sdgs}
            orientation="horizontal"
          />
          <BarChart
            title={t.charts.byYear}
            categoryHeading={t.charts.year}
            bars={charts.years}
            orientation="vertical"
          />
        </>
      ) : (
        <QueryState pending={partnerships.isPending} error={partnerships.error} />
      )}
    </div>
  );
}
