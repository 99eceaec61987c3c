import { Controller, Get, Module, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createServiceApp, LoggingModule, Public } from '../src';

@Controller('whoami')
class WhoAmIController {
  @Public()
  @Get()
  whoAmI(@Req() request: FastifyRequest) {
    return { ip: request.ip };
  }
}

@Module({ imports: [LoggingModule.forRoot('proxy-trust-test', 'silent')], controllers: [WhoAmIController] })
class WhoAmIModule {}

/** Anyone can write X-Forwarded-For: an app believes it only from proxies it was told to trust. */
describe('proxy trust', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
  });

  const ipSeen = async (options: Parameters<typeof createServiceApp>[1]) => {
    app = await createServiceApp({ module: WhoAmIModule }, options);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const response = await app.inject({
      method: 'GET',
      url: '/whoami',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '127.0.0.1',
    });
    return response.json<{ ip: string }>().ip;
  };

  it('believes no X-Forwarded-For by default', async () => {
    expect(await ipSeen({})).toBe('127.0.0.1');
  });

  it('believes it from a proxy it is told to trust', async () => {
    expect(await ipSeen({ trustProxy: 'loopback' })).toBe('203.0.113.9');
  });
});
