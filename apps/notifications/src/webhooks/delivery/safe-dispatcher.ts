import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { addressRefusal, TargetPolicy } from './target-policy';

/** Every address a name resolves to (node:dns `lookup` with `all: true`, so /etc/hosts counts too). */
export type ResolveAll = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

const systemResolveAll: ResolveAll = (hostname) => dns.lookup(hostname, { all: true, order: 'verbatim' });

export interface SafeConnectorOptions {
  policy: TargetPolicy;
  /** Bounds the name resolution and, separately, the TCP (and TLS) handshake. Default 5 s. */
  connectTimeoutMs?: number;
  /** Replaces the system resolver (tests). */
  resolveAll?: ResolveAll;
}

export interface SafeDispatcherOptions extends SafeConnectorOptions {
  /** Time allowed for the response headers once the request is sent. Default 15 s. */
  headersTimeoutMs?: number;
  /** Time allowed between two chunks of the response body. Default 15 s. */
  bodyTimeoutMs?: number;
}

/**
 * An undici connector that resolves the host itself, refuses the connection when any resolved address
 * is forbidden by the policy, and connects to exactly the address it checked: the name is never
 * resolved a second time, so a DNS answer cannot change between the check and the connection
 * (rebinding). TLS still verifies the certificate for the host name (SNI and servername stay the name).
 */
export function createSafeConnector(options: SafeConnectorOptions): buildConnector.connector {
  const { policy, connectTimeoutMs = 5_000, resolveAll = systemResolveAll } = options;
  const connect = buildConnector({ timeout: connectTimeoutMs });

  return (connectOptions, callback) => {
    const { hostname, protocol } = connectOptions;
    withDeadline(checkedAddress(hostname, policy, resolveAll), connectTimeoutMs, hostname).then(
      (address) => {
        try {
          connect(
            {
              ...connectOptions,
              hostname: address,
              servername:
                protocol === 'https:'
                  ? connectOptions.servername || (isIP(hostname) ? undefined : hostname)
                  : connectOptions.servername,
            },
            callback,
          );
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)), null);
        }
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

/**
 * The dispatcher webhook deliveries go through: a keep-alive agent with the safe connector. It follows
 * no redirects (undici's agent never does; redirects are an opt-in interceptor we do not add), so a
 * target cannot bounce a delivery to an address the policy would have refused.
 */
export function createSafeDispatcher(options: SafeDispatcherOptions): Agent {
  const { headersTimeoutMs = 15_000, bodyTimeoutMs = 15_000 } = options;
  return new Agent({
    connect: createSafeConnector(options),
    headersTimeout: headersTimeoutMs,
    bodyTimeout: bodyTimeoutMs,
  });
}

async function checkedAddress(
  hostname: string,
  policy: TargetPolicy,
  resolveAll: ResolveAll,
): Promise<string> {
  const addresses = await resolveAll(hostname);
  // Like a failed lookup (ENOTFOUND): worth retrying, since DNS may recover; not a policy refusal.
  if (addresses.length === 0) throw new Error(`${hostname} resolved to no address`);
  // All of them, not only the one used: a name that also points inside is not a public target.
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) {
      refusal.message = `${hostname} resolves to ${address}: ${refusal.message}`;
      throw refusal;
    }
  }
  return addresses[0].address;
}

function withDeadline<T>(promise: Promise<T>, ms: number, hostname: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`resolving ${hostname} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
