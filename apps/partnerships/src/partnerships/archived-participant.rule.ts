import type { PartnershipStatus } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import type { Partnership } from './partnership';
import { PartnershipError } from './partnership.errors';
import type { CityStore } from './usecases/ports';

/**
 * An archived city takes part in nothing new: a proposal naming one cannot be accepted into force, and
 * a partnership suspended because of one cannot be resumed. Checked after the aggregate applied the
 * change (so a transition the state refuses is named first), hence the refusal names `statusBefore`:
 * the status the partnership stays in.
 */
export async function assertNoParticipantArchived(
  cities: CityStore,
  tx: Tx,
  partnership: Pick<Partnership, 'participants'>,
  statusBefore: PartnershipStatus,
  action: string,
): Promise<void> {
  const known = await cities.lookup(
    partnership.participants.map((p) => p.cityId),
    tx,
  );
  const archived = partnership.participants.filter((p) => known.get(p.cityId)?.archivedAt != null);
  if (archived.length > 0) {
    const names = archived.map((p) => `${p.name} (${p.cityId})`).join(', ');
    throw PartnershipError.conflict(`cannot ${action}: archived participant(s) ${names}`, statusBefore);
  }
}
