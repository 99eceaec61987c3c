import { running } from './messaging.module';

describe('running (readiness of the relay and the consumer)', () => {
  it('is up while the part runs', async () => {
    await expect(running(true, 'the consumer')).resolves.toBeUndefined();
  });

  it('is down, saying which part, when it does not run', async () => {
    await expect(running(false, 'the outbox relay')).rejects.toThrow('the outbox relay is not running');
  });
});
