import { buildConnector } from 'undici';
import { createSafeConnector, ResolveAll } from './safe-dispatcher';
import { STRICT_TARGET_POLICY, TargetPolicy, TargetRefusalCode, TargetRefusedError } from './target-policy';

// Only refusals here: they happen before any socket is opened. Connecting is the integration tier's part.
describe(createSafeConnector.name, () => {
  const connectWith = (policy: TargetPolicy, resolveAll: ResolveAll, connectTimeoutMs = 1000) =>
    new Promise<Error | null>((resolve) => {
      const connect = createSafeConnector({ policy, resolveAll, connectTimeoutMs });
      const options: buildConnector.Options = {
        hostname: 'hooks.example.com',
        host: 'hooks.example.com',
        protocol: 'https:',
        port: '443',
      };
      connect(options, (error, socket) => {
        socket?.destroy();
        resolve(error);
      });
    });
  const resolvingTo =
    (...addresses: string[]): ResolveAll =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a name that resolves to a private address', async () => {
    const error = await connectWith(STRICT_TARGET_POLICY, resolvingTo('10.1.2.3'));
    expect(error).toBeInstanceOf(TargetRefusedError);
    expect(error).toMatchObject({ code: TargetRefusalCode.PrivateAddress, address: '10.1.2.3' });
    expect(error?.message).toContain('hooks.example.com resolves to 10.1.2.3');
  });

  it('refuses a name when any of its addresses is not allowed, even if the first one is public', async () => {
    const error = await connectWith(STRICT_TARGET_POLICY, resolvingTo('93.184.216.34', '::1'));
    expect(error).toMatchObject({ code: TargetRefusalCode.PrivateAddress, address: '::1' });
  });

  it('refuses a name that resolves to a metadata address even when private targets are allowed', async () => {
    const lenient = { allowHttp: true, allowPrivateTargets: true };
    await expect(connectWith(lenient, resolvingTo('169.254.169.254'))).resolves.toMatchObject({
      code: TargetRefusalCode.ForbiddenAddress,
    });
    await expect(connectWith(lenient, resolvingTo('fd00:ec2::254'))).resolves.toMatchObject({
      code: TargetRefusalCode.ForbiddenAddress,
    });
    await expect(connectWith(lenient, resolvingTo('::ffff:169.254.169.254'))).resolves.toMatchObject({
      code: TargetRefusalCode.ForbiddenAddress,
    });
  });

  it('fails (to be retried, not refused) when the name does not resolve', async () => {
    const notFound: ResolveAll = () =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const error = await connectWith(STRICT_TARGET_POLICY, notFound);
    expect(error).not.toBeInstanceOf(TargetRefusedError);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });

    const empty = await connectWith(STRICT_TARGET_POLICY, resolvingTo());
    expect(empty).not.toBeInstanceOf(TargetRefusedError);
    expect(empty?.message).toContain('resolved to no address');
  });

  it('gives up on a resolution that takes longer than the connect timeout', async () => {
    const never: ResolveAll = () => new Promise(() => undefined);
    const error = await connectWith(STRICT_TARGET_POLICY, never, 20);
    expect(error?.message).toContain('longer than 20 ms');
  });
});
