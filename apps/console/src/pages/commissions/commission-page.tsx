import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canChangeCommissionOfficers } from '../../auth/permissions';
import { t } from '../../i18n';
import { cityNameIn, useCityOptions } from '../../ui/city-options';
import { LoadMore } from '../../ui/load-more';
import { QueryState } from '../../ui/problem-alert';
import { Applications } from './applications';
import { useCommissionMembers } from './commission-members';
import { Meetings } from './meetings';
import { OfficersForm } from './officers-form';
import { Resolutions } from './resolutions';

export function Component() {
  const { id = '' } = useParams();
  const me = useMe();
  const commission = useQuery({
    queryKey: ['commissions', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/commissions/{id}', { params: { path: { id } } })),
  });
  const cities = useCityOptions();
  if (commission.isPending || commission.error) {
    return (
      <div className="page">
        <QueryState pending={commission.isPending} error={commission.error} />
      </div>
    );
  }
  const data = commission.data;
  const nameOf = (cityId: string | null) => cityNameIn(cities.data, cityId);
  return (
    <div className="page commission">
      <h1>{data.name}</h1>
      <section aria-labelledby="commission-mandate" className="card">
        <h2 id="commission-mandate">{t.commissions.mandate}</h2>
        <p dir="auto">{data.mandate || t.none}</p>
        <dl className="facts">
          <dt>{t.commissions.period}</dt>
          <dd>{t.commissions.periodOf(data.mandateStartsOn, data.mandateEndsOn)}</dd>
          <dt>{t.commissions.chair}</dt>
          <dd dir="auto" data-testid="commission-chair">
            {data.chairCityId ? nameOf(data.chairCityId) : t.commissions.noChair}
          </dd>
          <dt>{t.commissions.viceChairs}</dt>
          <dd dir="auto">
            {data.viceChairCityIds.length > 0
              ? data.viceChairCityIds.map((cityId) => nameOf(cityId)).join(', ')
              : t.commissions.noChair}
          </dd>
          <dt>{t.commissions.activePartnerships}</dt>
          <dd>{data.activePartnerships.total}</dd>
        </dl>
      </section>
      {canChangeCommissionOfficers(me) ? (
        <OfficersForm key={data.version} commission={data} onReload={() => void commission.refetch()} />
      ) : null}
      <Members commissionId={id} />
      <Applications commissionId={id} cities={cities.data} />
      <Meetings commissionId={id} cities={cities.data} />
      <Resolutions commissionId={id} cities={cities.data} />
    </div>
  );
}

function Members({ commissionId }: { commissionId: string }) {
  const members = useCommissionMembers(commissionId);
  return (
    <section aria-labelledby="commission-members" className="card">
      <h2 id="commission-members">{t.commissions.members}</h2>
      {members.isPending || members.error ? (
        <QueryState pending={members.isPending} error={members.error} />
      ) : members.items.length === 0 ? (
        <p className="muted">{t.commissions.noMembers}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.commissions.city}</th>
              <th scope="col">{t.commissions.role}</th>
              <th scope="col">{t.commissions.since}</th>
            </tr>
          </thead>
          <tbody>
            {members.items.map((member) => (
              <tr key={member.id} data-testid="commission-member">
                <td dir="auto">{member.cityName ?? member.cityId}</td>
                <td>{t.commissions.roles[member.role] ?? member.role}</td>
                <td>{member.since}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={members} />
    </section>
  );
}
