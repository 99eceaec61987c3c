import { oidcClaims, parseRoleMap } from './claims';

describe('oidcClaims', () => {
  const mapper = oidcClaims({
    rolesClaim: 'realm_access.roles',
    roleMap: parseRoleMap('amf-admins=secretariat, amf-cities=city-officer'),
    cityIdClaim: 'c2c_city',
    commissionIdsClaim: 'c2c_commissions',
  });

  it('maps the provider roles found at a dotted claim path, ignoring unmapped ones', () => {
    const user = mapper(
      {
        sub: 'idp|42',
        email: 'officer@city.example',
        realm_access: { roles: ['amf-cities', 'offline_access'] },
        c2c_city: 'city-a',
        c2c_commissions: 'c-1 c-2',
      },
      'https://idp.example',
    );
    expect(user).toEqual({
      userId: 'idp|42',
      email: 'officer@city.example',
      roles: ['city-officer'],
      cityId: 'city-a',
      commissionIds: ['c-1', 'c-2'],
      issuer: 'https://idp.example',
    });
  });

  it('without a role map accepts only platform role names', () => {
    const plain = oidcClaims({ rolesClaim: 'groups' });
    expect(plain({ sub: 's', groups: ['observer', 'admins'] }, 'i').roles).toEqual(['observer']);
  });

  it('refuses a role map naming an unknown platform role', () => {
    expect(() => parseRoleMap('admins=root')).toThrow('"admins=root" is not provider-role=platform-role');
  });
});
