import { InvalidClaims, oidcClaims, parseRoleMap } from './claims';

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

  it('without a role map trusts no provider role, platform role names included', () => {
    for (const roleMap of [undefined, parseRoleMap('')]) {
      const plain = oidcClaims({ rolesClaim: 'groups', ...(roleMap ? { roleMap } : {}) });
      expect(plain({ sub: 's', groups: ['secretariat', 'observer', 'admins'] }, 'i').roles).toEqual([]);
    }
  });

  it('reads the role map by own entries only: constructor, __proto__ and toString map to nothing', () => {
    const roles = mapper(
      { sub: 's', realm_access: { roles: ['constructor', '__proto__', 'toString', 'hasOwnProperty'] } },
      'i',
    ).roles;
    expect(roles).toEqual([]);
  });

  it('keeps a provider role named __proto__ as an ordinary entry of the map', () => {
    const map = parseRoleMap('__proto__=observer');
    expect(Object.getPrototypeOf(map)).toBeNull();
    const withProto = oidcClaims({ rolesClaim: 'groups', roleMap: map });
    expect(withProto({ sub: 's', groups: ['__proto__'] }, 'i').roles).toEqual(['observer']);
  });

  describe('maximum token age', () => {
    const NOW_MS = 1_800_000_000_000;
    const aged = oidcClaims({
      rolesClaim: 'groups',
      roleMap: parseRoleMap('staff=observer'),
      maxTokenAgeSeconds: 600,
      now: () => NOW_MS,
    });
    const issuedAgo = (seconds: number) => ({ sub: 's', groups: ['staff'], iat: NOW_MS / 1000 - seconds });

    it('accepts a token issued within the maximum age', () => {
      expect(aged(issuedAgo(590), 'i').roles).toEqual(['observer']);
    });

    it('refuses a token issued longer ago, whatever its exp', () => {
      expect(() => aged({ ...issuedAgo(700), exp: NOW_MS / 1000 + 86_400 }, 'i')).toThrow(
        new InvalidClaims('the token was issued more than 600 s ago'),
      );
    });

    it('refuses a token without iat', () => {
      expect(() => aged({ sub: 's', groups: ['staff'] }, 'i')).toThrow('the token has no iat');
    });
  });

  it('refuses a role map naming an unknown platform role', () => {
    expect(() => parseRoleMap('admins=root')).toThrow('"admins=root" is not provider-role=platform-role');
  });
});
