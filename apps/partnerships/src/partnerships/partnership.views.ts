import { HistoryEntity } from './history.entity';
import { PartnershipState } from './partnership.model';
import { HistoryEntryView, PartnershipView } from './dto/partnership-view.dto';

export const toPartnershipView = (s: PartnershipState): PartnershipView => ({
  id: s.id,
  type: s.type,
  title: s.title,
  description: s.description,
  status: s.status,
  proposerCityId: s.proposerCityId,
  participants: s.participants.map((p) => ({
    cityId: p.cityId,
    name: p.name,
    countryCode: p.countryCode,
    role: p.role,
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
  })),
  cooperationAreas: s.cooperationAreas,
  sdgTags: s.sdgTags,
  startDate: s.startDate,
  endDate: s.endDate,
  agreement: s.agreement,
  activatedAt: s.activatedAt?.toISOString() ?? null,
  lastActivityOn: s.lastActivityOn,
  dormant: s.dormantSince !== null,
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const toHistoryEntryView = (h: HistoryEntity): HistoryEntryView => ({
  at: h.at.toISOString(),
  action: h.action,
  fromStatus: h.fromStatus,
  toStatus: h.toStatus,
  actorId: h.actorId,
  cityId: h.cityId,
  reason: h.reason,
  eventId: h.eventId,
});
