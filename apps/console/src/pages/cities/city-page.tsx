import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../auth/auth';
import { canProposePartnership, canSeeContacts, proposingCityOf } from '../../auth/permissions';
import { t } from '../../i18n';
import { QueryState } from '../../ui/problem-alert';
import { localNameLang } from './city-vocabulary';

type City = Schemas['CityResponse'];

/** A city's page: its dossier (the city, its partnerships, commission memberships and practices). */
export function Component() {
  const { id = '' } = useParams();
  const me = useMe();
  const dossier = useQuery({
    queryKey: ['city-dossier', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/cities/{id}/dossier', { params: { path: { id } } })),
  });
  if (dossier.isPending || dossier.error) {
    return (
      <div className="page">
        <QueryState pending={dossier.isPending} error={dossier.error} />
      </div>
    );
  }
  const { city, partnerships, commissionMemberships, bestPractices, missing } = dossier.data;
  const ownCity = proposingCityOf(me);
  const mayPropose = canProposePartnership(me) && ownCity !== city.id && city.archivedAt === null;

  return (
    <div className="page city">
      <div className="page-head">
        <h1 dir="auto">{city.name}</h1>
        {mayPropose ? (
          <Link className="button-link" to={`/partnerships/new?partner=${city.id}`}>
            {t.propose.withPartner}
          </Link>
        ) : null}
      </div>
      {missing.length > 0 ? (
        <p role="status" className="notice">
          {t.cities.missing(missing.map((part) => t.cities.parts[part] ?? part).join(', '))}
        </p>
      ) : null}

      <section aria-labelledby="city-profile" className="card">
        <h2 id="city-profile">{t.cities.profile}</h2>
        <Profile city={city} />
      </section>

      <section aria-labelledby="city-contacts" className="card">
        <h2 id="city-contacts">{t.cities.contacts}</h2>
        <Contacts city={city} full={canSeeContacts(me, city.id)} />
      </section>

      <section aria-labelledby="city-partnerships" className="card">
        <h2 id="city-partnerships">{t.cities.partnerships}</h2>
        <Items
          page={partnerships}
          render={(p) => (
            <>
              <Link to={`/partnerships/${p.id}`} dir="auto">
                {p.title}
              </Link>{' '}
              <span className="status">{p.status}</span>{' '}
              <span className="muted">
                {p.participants
                  .filter((participant) => participant.cityId !== city.id)
                  .map((participant) => participant.name)
                  .join(' · ')}
              </span>
            </>
          )}
          more={`/partnerships?city=${city.id}`}
        />
      </section>

      <section aria-labelledby="city-memberships" className="card">
        <h2 id="city-memberships">{t.cities.memberships}</h2>
        <Items
          page={commissionMemberships}
          render={(m) => (
            <>
              <Link to={`/commissions/${m.commissionId}`} dir="auto">
                {m.commissionName ?? m.commissionId}
              </Link>{' '}
              <span className="muted">
                {m.role} · {t.cities.since} {m.since} · {m.status}
              </span>
            </>
          )}
        />
      </section>

      <section aria-labelledby="city-practices" className="card">
        <h2 id="city-practices">{t.cities.practices}</h2>
        <Items
          page={bestPractices}
          render={(practice) => (
            <>
              <Link to={`/library/${practice.id}`} dir="auto">
                {practice.title}
              </Link>{' '}
              <span className="status">{practice.status}</span>
            </>
          )}
        />
      </section>
    </div>
  );
}

function Profile({ city }: { city: City }) {
  const lang = localNameLang(city);
  const facts: [string, ReactNode][] = [
    [t.cities.englishName, city.englishName ? <span lang="en">{city.englishName}</span> : null],
    [
      t.cities.localName,
      city.localName ? (
        <span lang={lang} dir="auto">
          {city.localName}
        </span>
      ) : null,
    ],
    [t.cities.country, city.countryCode],
    [t.cities.region, city.region ? <bdi>{city.region}</bdi> : null],
    [t.cities.level, t.cities.levels[city.level] ?? city.level],
    [
      t.cities.population,
      city.population !== null ? t.cities.populationOf(city.population, city.populationYear) : null,
    ],
    [t.cities.membership, `${city.membershipStatus} (${city.membershipChangedOn})`],
    [
      t.cities.leader,
      city.leaderName ? (
        <bdi>{city.leaderTitle ? `${city.leaderName}, ${city.leaderTitle}` : city.leaderName}</bdi>
      ) : null,
    ],
    [t.cities.languages, city.languages.length > 0 ? city.languages.join(', ') : null],
    [t.cities.sdgFocus, city.sdgFocus.length > 0 ? city.sdgFocus.join(', ') : null],
    [
      t.cities.website,
      city.website ? (
        <a href={city.website} rel="noreferrer noopener">
          {city.website}
        </a>
      ) : null,
    ],
  ];
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value !== null)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Everyone sees who the contacts are; e-mail and phone only the secretariat and the city's officers. */
function Contacts({ city, full }: { city: City; full: boolean }) {
  if (city.contacts.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <>
      <ul className="items">
        {city.contacts.map((contact, index) => (
          <li key={`${contact.name}-${index}`}>
            <bdi>{contact.name}</bdi>
            {contact.role ? <span className="muted"> · {contact.role}</span> : null}
            {full && contact.email ? (
              <>
                {' · '}
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </>
            ) : null}
            {full && contact.phone ? <> · {contact.phone}</> : null}
          </li>
        ))}
      </ul>
      {full ? null : <p className="muted">{t.cities.contactsHidden}</p>}
    </>
  );
}

/** One of the dossier's lists; a part the platform could not read is announced above, not here. */
function Items<T extends { id: string }>({
  page,
  render,
  more,
}: {
  page: { items: T[]; nextCursor: string | null } | null;
  render: (item: T) => ReactNode;
  more?: string;
}) {
  if (page === null) return <p className="muted">—</p>;
  if (page.items.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <>
      <ul className="items">
        {page.items.map((item) => (
          <li key={item.id}>{render(item)}</li>
        ))}
      </ul>
      {page.nextCursor && more ? <Link to={more}>{t.loadMore}</Link> : null}
    </>
  );
}
