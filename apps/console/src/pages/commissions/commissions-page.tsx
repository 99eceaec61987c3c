import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { t } from '../../i18n';
import { cityNameIn, useCityOptions } from '../../ui/city-options';
import { QueryState } from '../../ui/problem-alert';

export function Component() {
  // The forum has three commissions: one page, no cursor (the API says so).
  const commissions = useQuery({
    queryKey: ['commissions'],
    queryFn: async () => unwrap(await api.GET('/api/v1/commissions')),
  });
  const cities = useCityOptions();
  return (
    <div className="page commissions">
      <h1>{t.commissions.heading}</h1>
      {commissions.isPending || commissions.error ? (
        <QueryState pending={commissions.isPending} error={commissions.error} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.commissions.number}</th>
              <th scope="col">{t.commissions.name}</th>
              <th scope="col">{t.commissions.chair}</th>
              <th scope="col">{t.commissions.memberCount}</th>
              <th scope="col">{t.commissions.period}</th>
            </tr>
          </thead>
          <tbody>
            {commissions.data.items.map((commission) => (
              <tr key={commission.id}>
                <td>{commission.number}</td>
                <td>
                  <Link to={`/commissions/${commission.id}`}>{commission.name}</Link>
                </td>
                <td dir="auto">
                  {commission.chairCityId
                    ? cityNameIn(cities.data, commission.chairCityId)
                    : t.commissions.noChair}
                </td>
                <td>{commission.memberCount}</td>
                <td>{t.commissions.periodOf(commission.mandateStartsOn, commission.mandateEndsOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
