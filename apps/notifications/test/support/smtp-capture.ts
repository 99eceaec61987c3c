import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An e-mail as it reached the SMTP server. */
export interface CapturedEmail {
  /** RCPT TO of the SMTP envelope: who the server was asked to deliver to. */
  recipients: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), keeping what arrives, parsed with mailparser. Set
 * `failing` and it answers every message with a temporary failure (451), as a server that is down for a
 * while: the sender must keep the e-mail and try again.
 */
export class SmtpCapture {
  readonly received: CapturedEmail[] = [];
  failing = false;
  rejected = 0;
  /** SMTP sessions open now, and the most that were open at once. */
  openSessions = 0;
  mostSessionsAtOnce = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpCapture> {
    // The server's handler needs the capture, which needs the server: a holder breaks the cycle.
    const holder: { capture?: SmtpCapture } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        const capture = holder.capture;
        if (capture) {
          capture.openSessions++;
          capture.mostSessionsAtOnce = Math.max(capture.mostSessionsAtOnce, capture.openSessions);
        }
        callback();
      },
      onClose() {
        if (holder.capture) holder.capture.openSessions--;
      },
      onData(stream, session, callback) {
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(stream).then(
          (mail) => {
            if (holder.capture?.failing) {
              holder.capture.rejected++;
              const error = Object.assign(new Error('try again later'), { responseCode: 451 });
              callback(error);
              return;
            }
            holder.capture?.received.push({
              recipients,
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.capture = new SmtpCapture(server, (server.server.address() as AddressInfo).port);
    return holder.capture;
  }

  /** The service's SMTP settings pointing here. */
  env(): Record<string, string> {
    return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(this.port), SMTP_SECURE: 'false' };
  }

  to(address: string): CapturedEmail[] {
    return this.received.filter((mail) => mail.recipients.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
