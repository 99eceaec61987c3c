import {
  addressRefusal,
  AddressVerdict,
  checkTargetUrl,
  classifyAddress,
  STRICT_TARGET_POLICY,
  TargetPolicy,
  TargetRefusalCode,
} from './target-policy';

const LENIENT: TargetPolicy = { allowHttp: true, allowPrivateTargets: true };

describe(classifyAddress.name, () => {
  it.each<[string, AddressVerdict, string]>([
    // IPv4
    ['93.184.216.34', 'public', 'unicast'],
    ['8.8.8.8', 'public', 'unicast'],
    ['127.0.0.1', 'private', 'loopback'],
    ['127.255.255.254', 'private', 'loopback'],
    ['10.0.0.1', 'private', 'private'],
    ['172.16.0.1', 'private', 'private'],
    ['172.31.255.255', 'private', 'private'],
    ['172.32.0.1', 'public', 'unicast'],
    ['192.168.1.1', 'private', 'private'],
    ['100.64.0.1', 'private', 'carrierGradeNat'],
    ['100.127.255.255', 'private', 'carrierGradeNat'],
    ['0.0.0.0', 'private', 'unspecified'],
    ['255.255.255.255', 'private', 'broadcast'],
    ['224.0.0.1', 'private', 'multicast'],
    ['240.0.0.1', 'private', 'reserved'],
    ['192.0.2.10', 'private', 'reserved'],
    ['169.254.0.1', 'forbidden', 'linkLocal'],
    ['169.254.169.254', 'forbidden', 'linkLocal'],
    ['169.254.170.2', 'forbidden', 'linkLocal'],
    ['100.100.100.200', 'forbidden', 'cloudMetadata'],
    ['192.0.0.192', 'forbidden', 'cloudMetadata'],
    // IPv6
    ['2606:4700:4700::1111', 'public', 'unicast'],
    ['::1', 'private', 'loopback'],
    ['::', 'private', 'unspecified'],
    ['fc00::1', 'private', 'uniqueLocal'],
    ['fd12:3456::1', 'private', 'uniqueLocal'],
    ['ff02::1', 'private', 'multicast'],
    ['fec0::1', 'private', 'deprecatedSiteLocal'],
    ['2001:db8::1', 'private', 'reserved'],
    ['fe80::1', 'forbidden', 'linkLocal'],
    ['febf:ffff::1', 'forbidden', 'linkLocal'],
    ['fd00:ec2::254', 'forbidden', 'cloudMetadata'],
    ['fd00:ec2::253', 'forbidden', 'cloudMetadata'],
    // IPv6 forms of IPv4 addresses are judged as the IPv4 address
    ['::ffff:127.0.0.1', 'private', 'ipv4Mapped:loopback'],
    ['::ffff:7f00:1', 'private', 'ipv4Mapped:loopback'],
    ['::ffff:10.1.2.3', 'private', 'ipv4Mapped:private'],
    ['::ffff:169.254.169.254', 'forbidden', 'ipv4Mapped:linkLocal'],
    ['::ffff:a9fe:a9fe', 'forbidden', 'ipv4Mapped:linkLocal'],
    ['::ffff:100.100.100.200', 'forbidden', 'ipv4Mapped:cloudMetadata'],
    ['::ffff:93.184.216.34', 'public', 'ipv4Mapped:unicast'],
    ['::ffff:0:169.254.169.254', 'forbidden', 'rfc6145:linkLocal'],
    ['64:ff9b::169.254.169.254', 'forbidden', 'rfc6052:linkLocal'],
    ['64:ff9b::10.0.0.1', 'private', 'rfc6052:private'],
    ['64:ff9b::93.184.216.34', 'public', 'rfc6052:unicast'],
    ['2002:a9fe:a9fe::1', 'forbidden', '6to4:linkLocal'],
    ['2002:7f00:1::1', 'private', '6to4:loopback'],
    // IPv4-compatible ::a.b.c.d (ipaddr.js reads the dotted spelling as IPv4-mapped: same verdict)
    ['::7f00:1', 'private', 'unicast:loopback'],
    ['::a9fe:a9fe', 'forbidden', 'unicast:linkLocal'],
    ['::169.254.169.254', 'forbidden', 'ipv4Mapped:linkLocal'],
  ])('%s is %s (%s)', (address, verdict, range) => {
    expect(classifyAddress(address)).toEqual({ verdict, range });
  });

  it('refuses to classify a name', () => {
    expect(() => classifyAddress('localhost')).toThrow(TypeError);
  });
});

describe(addressRefusal.name, () => {
  it('lets a public address through under the strict policy', () => {
    expect(addressRefusal('93.184.216.34', STRICT_TARGET_POLICY)).toBeNull();
  });

  it.each(['127.0.0.1', '10.0.0.1', '::1', 'fd12::1', '::ffff:192.168.0.1', '100.64.1.1'])(
    'refuses the non-public %s unless private targets are allowed',
    (address) => {
      expect(addressRefusal(address, STRICT_TARGET_POLICY)).toMatchObject({
        code: TargetRefusalCode.PrivateAddress,
        address,
      });
      expect(addressRefusal(address, LENIENT)).toBeNull();
    },
  );

  it.each(['169.254.169.254', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254'])(
    'refuses %s even when private targets are allowed',
    (address) => {
      expect(addressRefusal(address, LENIENT)).toMatchObject({ code: TargetRefusalCode.ForbiddenAddress });
      expect(addressRefusal(address, STRICT_TARGET_POLICY)).toMatchObject({
        code: TargetRefusalCode.ForbiddenAddress,
      });
    },
  );
});

describe(checkTargetUrl.name, () => {
  const refusal = (url: string, policy: TargetPolicy) => {
    const check = checkTargetUrl(url, policy);
    return check.ok ? null : check.error.code;
  };

  it('accepts an https URL naming a host, leaving the address to delivery time', () => {
    const check = checkTargetUrl('https://hooks.example.com/c2c?x=1', STRICT_TARGET_POLICY);
    expect(check).toEqual({ ok: true, url: new URL('https://hooks.example.com/c2c?x=1') });
  });

  it('accepts a DNS name that may resolve to loopback (localhost): that is judged on connecting', () => {
    expect(checkTargetUrl('https://localhost/hook', STRICT_TARGET_POLICY).ok).toBe(true);
  });

  it('reports the literal address it checked', () => {
    expect(checkTargetUrl('https://[2606:4700:4700::1111]/', STRICT_TARGET_POLICY)).toMatchObject({
      ok: true,
      literalAddress: '2606:4700:4700::1111',
    });
  });

  it('requires https unless http is allowed', () => {
    expect(refusal('http://hooks.example.com/', STRICT_TARGET_POLICY)).toBe(TargetRefusalCode.InsecureScheme);
    expect(refusal('http://hooks.example.com/', { allowHttp: true, allowPrivateTargets: false })).toBeNull();
  });

  it.each(['ftp://hooks.example.com/', 'file:///etc/passwd', 'gopher://hooks.example.com/', 'javascript:1'])(
    'refuses the scheme of %s whatever the flags',
    (url) => {
      expect(refusal(url, LENIENT)).toBe(TargetRefusalCode.InsecureScheme);
    },
  );

  it.each(['not a url', '/relative/path', '', 'https://'])('refuses %j as invalid', (url) => {
    expect(refusal(url, LENIENT)).toBe(TargetRefusalCode.InvalidUrl);
  });

  it('refuses credentials in the URL', () => {
    expect(refusal('https://user:pass@hooks.example.com/', LENIENT)).toBe(TargetRefusalCode.CredentialsInUrl);
  });

  it.each([
    'https://10.0.0.1/',
    'https://127.0.0.1:8443/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[fd12::1]/',
    'https://0x7f.1/', // the URL parser normalises these IPv4 spellings to 127.0.0.1
    'https://2130706433/',
    'https://017700000001/',
    'https://100.64.0.1/',
  ])('refuses the literal private address in %s, and accepts it when private targets are allowed', (url) => {
    expect(refusal(url, STRICT_TARGET_POLICY)).toBe(TargetRefusalCode.PrivateAddress);
    expect(refusal(url, LENIENT)).toBeNull();
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://0xa9fea9fe/',
    'http://[fe80::1]/',
    'http://100.100.100.200/',
  ])('refuses %s whatever the flags', (url) => {
    expect(refusal(url, LENIENT)).toBe(TargetRefusalCode.ForbiddenAddress);
  });
});
