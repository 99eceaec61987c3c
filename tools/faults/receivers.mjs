// What notifications delivers to, run by the fault tool itself so deliveries can be counted: a webhook
// receiver (HTTP on 127.0.0.1) and an SMTP sink. Each records what arrived, keyed by the id the
// service promises to keep across redeliveries (`webhook-id`, Message-ID).
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../infra/config.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));

/** Answers 204 to every delivery; `received` holds { webhookId, eventId, type } per request. */
export async function startWebhookReceiver() {
  const received = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      let event = {};
      try {
        event = JSON.parse(body);
      } catch {
        // recorded without its event: the check then finds it missing
      }
      received.push({
        path: request.url,
        webhookId: String(request.headers['webhook-id'] ?? ''),
        eventId: event.id,
        type: event.type,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Accepts every message without TLS or login; `received` holds { messageId, to } per message. */
export async function startSmtpSink() {
  const { SMTPServer } = require('smtp-server');
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk));
      stream.on('end', () => {
        const headers = raw.split(/\r?\n\r?\n/)[0];
        const messageId = /^message-id:\s*(\S+)/im.exec(headers)?.[1];
        received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  // A client killed mid-session (the fault run SIGKILLs the notifications service, whose pooled
  // connections then reset) is an error of that connection, not of the sink: without a listener the
  // server would rethrow it and end the run. What arrived is what the reconciliation reads.
  server.on('error', () => undefined);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
