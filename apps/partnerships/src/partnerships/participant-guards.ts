import type { Tx } from '@c2c/persistence';
import { CityModel } from '../city-model/city-model.service';
import { Partnership } from './partnership';
import { PartnershipError } from './partnership.errors';

/**
 * An archived city takes part in nothing new: a proposal naming one cannot be accepted into force, and
 * a partnership suspended because of one cannot be resumed.
 */
export async function assertNoParticipantArchived(
  cities: CityModel,
  tx: Tx,
  partnership: Partnership,
  action: string,
): Promise<void> {
  const known = await cities.lookup(
    partnership.participants.map((p) => p.cityId),
    tx,
  );
  const archived = partnership.participants.filter((p) => known.get(p.cityId)?.archivedAt != null);
  if (archived.length > 0) {
    const names = archived.map((p) => `${p.name} (${p.cityId})`).join(', ');
    throw PartnershipError.conflict(`cannot ${action}: archived participant(s) ${names}`, partnership.status);
  }
}
