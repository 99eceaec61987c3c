import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where webhooks may be sent; both flags are off unless the operator turns them on. */
export interface TargetPolicy {
  /** Accept `http:` targets (local development and tests); otherwise only `https:`. */
  allowHttp: boolean;
  /** `WEBHOOKS_ALLOW_PRIVATE_TARGETS=true`: loopback, private and other non-public ranges become reachable. */
  allowPrivateTargets: boolean;
}

/** The strict policy: https only, public addresses only. */
export const STRICT_TARGET_POLICY: Readonly<TargetPolicy> = Object.freeze({
  allowHttp: false,
  allowPrivateTargets: false,
});

/** Every way a webhook target can be refused. */
export enum TargetRefusalCode {
  InvalidUrl = 'webhook-target-invalid-url',
  InsecureScheme = 'webhook-target-insecure-scheme',
  CredentialsInUrl = 'webhook-target-credentials-in-url',
  /** Link-local or cloud metadata: refused whatever the flags say. */
  ForbiddenAddress = 'webhook-target-forbidden-address',
  /** Loopback, private, unique-local, CGNAT, reserved…: refused unless `allowPrivateTargets`. */
  PrivateAddress = 'webhook-target-private-address',
}

/** A refused target. Also what the safe dispatcher fails a connection with, so the sender can tell it apart. */
export class TargetRefusedError extends Error {
  override readonly name = 'TargetRefusedError';

  constructor(
    readonly code: TargetRefusalCode,
    message: string,
    /** The address that was refused, when an address was the reason. */
    readonly address?: string,
  ) {
    super(message);
  }
}

/**
 * `public`: globally routable unicast. `private`: reachable only with `allowPrivateTargets`.
 * `forbidden`: never (link-local, cloud metadata).
 */
export type AddressVerdict = 'public' | 'private' | 'forbidden';

export interface AddressClassification {
  verdict: AddressVerdict;
  /**
   * The ipaddr.js range name (`loopback`, `private`, `uniqueLocal`, `linkLocal`, …) or `cloudMetadata`;
   * for an IPv6 address embedding an IPv4 one, `<ipv6 range>:<ipv4 range>` (`ipv4Mapped:loopback`).
   */
  range: string;
}

// Cloud instance metadata and neighbouring services outside the link-local block, which is refused anyway
// (169.254.169.254 for AWS, GCP, Azure, OCI, DigitalOcean; 169.254.170.2 for ECS task metadata).
const CLOUD_METADATA: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [
  ipaddr.parseCIDR('fd00:ec2::/64'), // AWS IPv6 IMDS (fd00:ec2::254), DNS (::253) and NTP (::123)
  ipaddr.parseCIDR('100.100.100.200/32'), // Alibaba Cloud, inside CGNAT space
  ipaddr.parseCIDR('192.0.0.192/32'), // Oracle Cloud (legacy), inside IETF protocol space
];

/**
 * Classifies one IP address (not a name). Only `unicast` (what ipaddr.js calls globally routable
 * space) is public: every special range it knows of is at least private, so an unusual range fails closed.
 * An IPv6 address that embeds an IPv4 one (IPv4-mapped, IPv4-compatible, SIIT, NAT64 `64:ff9b::/96`,
 * 6to4) is judged as that IPv4 address, since that is where the packets end up.
 */
export function classifyAddress(address: string): AddressClassification {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`not an IP address: ${address}`);
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const ipv6 = parsed as ipaddr.IPv6;
    const embedded = embeddedIPv4(ipv6);
    if (embedded) {
      const inner = classifyParsed(embedded);
      return { verdict: inner.verdict, range: `${ipv6.range()}:${inner.range}` };
    }
  }
  return classifyParsed(parsed);
}

function classifyParsed(address: ipaddr.IPv4 | ipaddr.IPv6): AddressClassification {
  if (CLOUD_METADATA.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits))) {
    return { verdict: 'forbidden', range: 'cloudMetadata' };
  }
  const range = address.range();
  if (range === 'linkLocal') return { verdict: 'forbidden', range };
  if (range === 'unicast') return { verdict: 'public', range };
  return { verdict: 'private', range };
}

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = address.parts;
  const last32 = (): ipaddr.IPv4 => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  switch (address.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return last32();
    case 'rfc6052': // 64:ff9b::a.b.c.d (the well-known /96; the local-use /48 has no fixed position)
      return p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0) ? last32() : null;
    case '6to4': // 2002:AABB:CCDD::/48
      return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
    case 'unicast':
      // Deprecated IPv4-compatible ::a.b.c.d (ipaddr.js has no range for it; :: and ::1 are ranges).
      return p.slice(0, 6).every((x) => x === 0) ? last32() : null;
    default:
      return null;
  }
}

/** The refusal for connecting to this address under the policy, or null when it may be used. */
export function addressRefusal(address: string, policy: TargetPolicy): TargetRefusedError | null {
  const { verdict, range } = classifyAddress(address);
  switch (verdict) {
    case 'public':
      return null;
    case 'private':
      return policy.allowPrivateTargets
        ? null
        : new TargetRefusedError(
            TargetRefusalCode.PrivateAddress,
            `${address} is a non-public address (${range}); webhook targets must be public`,
            address,
          );
    case 'forbidden':
      return new TargetRefusedError(
        TargetRefusalCode.ForbiddenAddress,
        `${address} is a link-local or cloud metadata address (${range}); webhook targets may never be`,
        address,
      );
  }
}

export type TargetCheck =
  | {
      ok: true;
      url: URL;
      /** The host's IP address when the URL names one; a name is checked when delivering. */
      literalAddress?: string;
    }
  | { ok: false; error: TargetRefusedError };

/**
 * Checks a subscription's target URL, at creation and again before each delivery. A literal IP address
 * is judged here; a DNS name can only be judged on the address actually connected to, which the safe
 * dispatcher does at connect time.
 */
export function checkTargetUrl(target: string, policy: TargetPolicy): TargetCheck {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return refuse(TargetRefusalCode.InvalidUrl, 'the webhook target is not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return refuse(
      TargetRefusalCode.InsecureScheme,
      policy.allowHttp ? 'the webhook target must be http(s)' : 'the webhook target must be https',
    );
  }
  // Credentials in a URL end up in logs and delivery records; the signature is the authentication.
  if (url.username || url.password) {
    return refuse(TargetRefusalCode.CredentialsInUrl, 'the webhook target must not carry credentials');
  }
  // The WHATWG parser has already normalised IPv4 spellings (0x7f.1, 2130706433) to dotted quads.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!host) return refuse(TargetRefusalCode.InvalidUrl, 'the webhook target has no host');
  if (isIP(host) === 0) return { ok: true, url };
  const error = addressRefusal(host, policy);
  return error ? { ok: false, error } : { ok: true, url, literalAddress: host };
}

function refuse(code: TargetRefusalCode, message: string): TargetCheck {
  return { ok: false, error: new TargetRefusedError(code, message) };
}
