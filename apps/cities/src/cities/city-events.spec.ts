import { validateEventData } from '@c2c/contracts';
import { createServiceLogger } from '@c2c/platform';
import { applyProfilePatch, newCity, type City, type ContactOfficer, type ProfilePatch } from './city';
import { cityProfileUpdatedData, cityRegisteredData } from './city-events';

const at = new Date('2026-05-14T09:30:00.000Z');
const later = new Date('2026-06-01T00:00:00.000Z');

const sara: ContactOfficer = {
  name: 'Sara Ahmadi',
  role: 'International relations officer',
  email: 'sara.ahmadi@example.org',
  phone: '+98 21 1234 5678',
};
const reza: ContactOfficer = { name: 'Reza Karimi', email: 'reza.karimi@example.org' };

const tehran = (contacts: ContactOfficer[] = [sara, reza]): City =>
  newCity(
    '7d3c2a40-0000-4000-8000-000000000001',
    { name: 'Tehran', countryCode: 'IR', level: 'metropolitan-city', contacts },
    at,
  );

/** The profile-updated payload a patch of Tehran publishes, checked against its contract. */
function updatedBy(patch: ProfilePatch, before = tehran()) {
  const { city, changed } = applyProfilePatch(before, patch, later);
  const data = cityProfileUpdatedData(before, city, changed);
  if (data) expect(validateEventData('c2c.city.profile-updated.v1', data).ok).toBe(true);
  return data;
}

describe(cityRegisteredData.name, () => {
  it("carries the contact officers' name, role and e-mail, and never their phone", () => {
    const data = cityRegisteredData(tehran());
    expect(data.contactOfficers).toEqual([
      { name: 'Sara Ahmadi', role: 'International relations officer', email: 'sara.ahmadi@example.org' },
      { name: 'Reza Karimi', email: 'reza.karimi@example.org' },
    ]);
    expect(JSON.stringify(data)).not.toContain('phone');
    expect(JSON.stringify(data)).not.toContain(sara.phone);
    expect(validateEventData('c2c.city.registered.v1', data).ok).toBe(true);
  });

  it("would not put the contact officers' e-mails in a log line, should an event ever be logged", () => {
    // The service logs no payloads; this is the defence behind that: every written line is masked.
    const lines: string[] = [];
    const logger = createServiceLogger('cities', 'info', { write: (line: string) => void lines.push(line) });
    logger.info({ data: cityRegisteredData(tehran()) }, 'an event');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('sara.ahmadi@example.org');
    expect(lines[0]).not.toContain('reza.karimi@example.org');
    expect(lines[0]).toContain('s***@example.org');
  });

  it('leaves contactOfficers out when the city has none', () => {
    const data = cityRegisteredData(tehran([]));
    expect(data).not.toHaveProperty('contactOfficers');
    expect(validateEventData('c2c.city.registered.v1', data).ok).toBe(true);
  });

  it('copies only the known fields of a contact: a null role is no role, an unknown field stays home', () => {
    // The API stores what its validation let through: `role: null` passes an optional field.
    const stored = { ...reza, role: null, mobile: '+98 912 000 0000' } as unknown as ContactOfficer;
    expect(cityRegisteredData(tehran([stored])).contactOfficers).toEqual([
      { name: 'Reza Karimi', email: 'reza.karimi@example.org' },
    ]);
  });
});

describe(cityProfileUpdatedData.name, () => {
  it('publishes changed contacts as the whole new list of contactOfficers, in their place among the fields', () => {
    const data = updatedBy({ population: 9_039_000, contacts: [reza], website: 'https://tehran.ir' });
    expect(data).toMatchObject({
      changedFields: ['population', 'contactOfficers', 'website'],
      changes: {
        population: 9_039_000,
        contactOfficers: [{ name: 'Reza Karimi', email: 'reza.karimi@example.org' }],
        website: 'https://tehran.ir',
      },
    });
  });

  it('publishes contactOfficers null when the last contact is removed', () => {
    expect(updatedBy({ contacts: null })).toMatchObject({
      changedFields: ['contactOfficers'],
      changes: { contactOfficers: null },
    });
    expect(updatedBy({ contacts: [] })?.changes).toEqual({ contactOfficers: null });
  });

  it.each<[string, ContactOfficer[]]>([
    ['an e-mail', [{ ...sara, email: 'sara.a@example.org' }, reza]],
    ['a role', [{ ...sara, role: 'Head of protocol' }, reza]],
    ['a name', [sara, { ...reza, name: 'Reza Karimi-Tehrani' }]],
    ['the order', [reza, sara]],
    ['a new contact', [sara, reza, { name: 'Mina Rahimi', email: 'mina.rahimi@example.org' }]],
  ])('publishes the contacts when %s changes', (_what, contacts) => {
    expect(updatedBy({ contacts })?.changes.contactOfficers).toHaveLength(contacts.length);
  });

  it('publishes nothing when only what events do not carry of a contact changes: the phone', () => {
    const { phone: _phone, ...withoutPhone } = sara;
    expect(updatedBy({ contacts: [{ ...sara, phone: '+98 21 8888 0000' }, reza] })).toBeUndefined();
    expect(updatedBy({ contacts: [withoutPhone, reza] })).toBeUndefined();
    // Beside another change, the unchanged contacts are left out and the other change is published.
    expect(updatedBy({ contacts: [withoutPhone, reza], population: 1 })).toMatchObject({
      changedFields: ['population'],
      changes: { population: 1 },
    });
  });

  it('publishes nothing for the leader, which the contracts do not carry', () => {
    expect(updatedBy({ leaderName: 'Alireza Zakani' })).toBeUndefined();
  });
});
