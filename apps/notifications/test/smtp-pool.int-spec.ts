import { eventually } from '@c2c/testing';
import { readNotificationsConfig } from '../src/config';
import { SmtpTransport } from '../src/email/smtp-transport';
import { SmtpCapture } from './support';

// The transport against a real SMTP server on loopback: its connections are kept and shared, and
// never more of them are open than SMTP_MAX_CONNECTIONS, however many messages are sent at once.
describe('notifications: the SMTP connection pool', () => {
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
  });

  afterAll(async () => {
    await smtp?.stop();
  });

  async function sendAtOnce(maxConnections: number, count: number): Promise<number> {
    const config = readNotificationsConfig({
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      ...smtp.env(),
      SMTP_MAX_CONNECTIONS: String(maxConnections),
    });
    const transport = new SmtpTransport(config);
    smtp.mostSessionsAtOnce = 0;
    const tag = `pool-${maxConnections}-${Date.now()}`;
    try {
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          transport.send({
            messageId: `<${tag}-${i}@c2c.test>`,
            to: `${tag}-${i}@example.org`,
            subject: `message ${i}`,
            text: 'hello',
            html: '<p>hello</p>',
          }),
        ),
      );
    } finally {
      transport.onApplicationShutdown();
    }
    expect(smtp.received.filter((mail) => mail.messageId.startsWith(`<${tag}-`))).toHaveLength(count);
    // Closing the pool ends its sessions: none is left open for the next case.
    await eventually(() => expect(smtp.openSessions).toBe(0));
    return smtp.mostSessionsAtOnce;
  }

  it('sends twelve messages at once over at most SMTP_MAX_CONNECTIONS connections', async () => {
    expect(await sendAtOnce(1, 12)).toBe(1);
    const most = await sendAtOnce(3, 12);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('refuses a pool size out of range when the service starts', () => {
    for (const size of ['0', '101', 'many']) {
      expect(() =>
        readNotificationsConfig({
          DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
          SMTP_MAX_CONNECTIONS: size,
        }),
      ).toThrow(/SMTP_MAX_CONNECTIONS/);
    }
  });
});
