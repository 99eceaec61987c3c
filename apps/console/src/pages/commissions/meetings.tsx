import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { t } from '../../i18n';
import { cityNameIn, type City } from '../../ui/city-options';
import { useCursorPages } from '../../ui/cursor-pages';
import { LoadMore } from '../../ui/load-more';
import { QueryState } from '../../ui/problem-alert';

/** A commission's meetings, earliest first, with where they are held and what came of them. */
export function Meetings({ commissionId, cities }: { commissionId: string; cities: City[] | undefined }) {
  const meetings = useCursorPages(['commissions', commissionId, 'meetings'], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/commissions/{id}/meetings', {
        params: { path: { id: commissionId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <section aria-labelledby="commission-meetings" className="card">
      <h2 id="commission-meetings">{t.commissions.meetings}</h2>
      {meetings.isPending || meetings.error ? (
        <QueryState pending={meetings.isPending} error={meetings.error} />
      ) : meetings.items.length === 0 ? (
        <p className="muted">{t.commissions.noMeetings}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.commissions.meeting}</th>
              <th scope="col">{t.commissions.startsAt}</th>
              <th scope="col">{t.commissions.where}</th>
              <th scope="col">{t.commissions.meetingStatus}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.items.map((meeting) => (
              <tr key={meeting.id}>
                <td dir="auto">
                  {meeting.title}
                  {meeting.agenda.length > 0 ? (
                    <ol className="agenda">
                      {meeting.agenda.map((item, index) => (
                        <li key={index} dir="auto">
                          {item.title}
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td>
                  <time dateTime={meeting.startsAt}>{meeting.startsAt.slice(0, 16).replace('T', ' ')}</time>{' '}
                  <span className="muted">{meeting.timeZone}</span>
                </td>
                <td dir="auto">
                  {meeting.hostCityId ? cityNameIn(cities, meeting.hostCityId) : null}
                  {meeting.hostCityId && meeting.onlineUrl ? ' · ' : null}
                  {meeting.onlineUrl ? t.commissions.online : null}
                </td>
                <td>
                  {meeting.status}
                  {meeting.heldOn ? ` ${meeting.heldOn}` : ''}
                  {meeting.cancellationReason ? (
                    <div className="muted" dir="auto">
                      {meeting.cancellationReason}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={meetings} />
    </section>
  );
}
