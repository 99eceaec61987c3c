import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@c2c/auth';
import type { CooperationArea, PartnershipType } from '@c2c/contracts';
import { TransactionRunner } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { Partnership } from '../partnership';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { PartnershipError } from '../partnership.errors';
import { actorOf, assertActsForCity } from '../partnership.policy';
import type { Agreement, PartnershipState } from '../partnership.types';
import { checkProposal, participantIdsOf, signatoriesOutside } from '../proposal.rules';
import {
  CITY_STORE,
  OPEN_PROPOSAL_STORE,
  PROPOSAL_LIMITS,
  type CityStore,
  type OpenProposalStore,
  type ProposalLimits,
  type Transactions,
} from './ports';

export interface ProposePartnershipCommand {
  type: PartnershipType;
  title: string;
  description?: string;
  proposerCityId: string;
  participantCityIds: string[];
  cooperationAreas: CooperationArea[];
  sdgTags?: number[];
  startDate?: string;
  endDate?: string;
  agreement?: Agreement;
}

/** A city proposes a partnership; it is `proposed` until every partner accepts. */
@Injectable()
export class ProposePartnership {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: Transactions,
    @Inject(CITY_STORE) private readonly cities: CityStore,
    private readonly changes: PartnershipChangesRecorder,
    private readonly clock: Clock,
    @Inject(OPEN_PROPOSAL_STORE) private readonly openProposals: OpenProposalStore,
    @Inject(PROPOSAL_LIMITS) private readonly limits: ProposalLimits,
  ) {}

  async execute(user: AuthenticatedUser, command: ProposePartnershipCommand): Promise<PartnershipState> {
    assertActsForCity(user, command.proposerCityId, 'propose a partnership');
    return this.transactions.run(async (tx) => {
      const ids = participantIdsOf(command);
      const cities = await this.cities.lookup(ids, tx);
      const violations = checkProposal(command, cities);
      if (violations.length > 0) throw PartnershipError.rules(violations);
      const strangers = signatoriesOutside(command.agreement, ids);
      if (strangers.length > 0) throw PartnershipError.notParticipants(strangers);
      const open = await this.openProposals.countOpenProposalsOf(tx, command.proposerCityId);
      if (open >= this.limits.maxOpenPerCity)
        throw PartnershipError.tooManyOpenProposals(command.proposerCityId, this.limits.maxOpenPerCity);
      const participants = ids.map((cityId) => {
        const city = cities.get(cityId);
        return { cityId, name: city?.name ?? '', countryCode: city?.countryCode ?? '' };
      });
      const { partnership, change } = Partnership.propose({ ...command, participants }, this.clock.now());
      return this.changes.record(tx, partnership, [change], actorOf(user, command.proposerCityId), {
        created: true,
      });
    });
  }
}
