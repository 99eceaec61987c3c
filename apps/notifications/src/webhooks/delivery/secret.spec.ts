import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from './secret';

describe(generateWebhookSecret.name, () => {
  it('makes a whsec_ secret of 32 random bytes by default', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it.each([24, 32, 64])('makes one of %d bytes', (bytes) => {
    expect(Buffer.from(generateWebhookSecret(bytes).slice(6), 'base64')).toHaveLength(bytes);
  });

  it.each([0, 16, 23, 65, 24.5])('refuses %p bytes', (bytes) => {
    expect(() => generateWebhookSecret(bytes)).toThrow(RangeError);
  });

  it('is a secret the standardwebhooks library signs and verifies with', () => {
    const webhook = new Webhook(generateWebhookSecret());
    const timestamp = new Date();
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': webhook.sign('msg_1', timestamp, '{"a":1}'),
    };
    expect(webhook.verify('{"a":1}', headers)).toEqual({ a: 1 });
  });
});
