import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { eventually } from '@c2c/testing';
import { createKafka, kafkaSecurityFromSettings, type KafkaSecurityOptions } from '../src';

/**
 * The local broker is plaintext, so TLS is proven against a TLS endpoint of the test's own, with a CA
 * and a server certificate for `localhost` made here by openssl: what matters is that every client
 * `createKafka` makes speaks TLS, checks the certificate against the configured CA (or the system's
 * store) and names the host. The endpoint closes each connection once it is established.
 */
describe('Kafka clients over TLS', () => {
  let dir: string;
  let server: tls.Server;
  let port: number;
  const established: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kafka-tls-'));
    const file = (name: string) => path.join(dir, name);
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=c2c test CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-keyout',
      'broker.key',
      '-out',
      'broker.csr',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'broker.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      writeExtensions(file('san.ext')),
      '-out',
      'broker.pem',
    );
    server = tls.createServer({
      key: readFileSync(file('broker.key')),
      cert: readFileSync(file('broker.pem')),
    });
    server.on('secureConnection', (socket) => {
      established.push(socket.servername || '');
      socket.destroy();
    });
    server.on('tlsClientError', (error) => refused.push(error.message));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const connect = async (security: KafkaSecurityOptions): Promise<Error> => {
    const kafka = createKafka({ brokers: [`localhost:${port}`], clientId: 'tls-test', ...security });
    const admin = kafka.admin({ retry: { retries: 0 } });
    const error = await admin.connect().then(
      () => new Error('connected to an endpoint that is not a broker'),
      (failure: unknown) => failure as Error,
    );
    await admin.disconnect();
    return error;
  };

  it('completes a TLS handshake with the broker named, against the CA of KAFKA_SSL_CA_FILE', async () => {
    const security = kafkaSecurityFromSettings({
      KAFKA_SSL: true,
      KAFKA_SSL_CA_FILE: path.join(dir, 'ca.pem'),
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'partnerships',
      KAFKA_SASL_PASSWORD: 'not-sent-before-tls',
    });
    const before = established.length;
    await connect(security);
    await eventually(() => expect(established.slice(before)).toContain('localhost'));
  });

  it('refuses a broker certificate its trust store does not vouch for', async () => {
    const before = established.length;
    const error = await connect(kafkaSecurityFromSettings({ KAFKA_SSL: true }));
    expect(error.message).toMatch(/certificate/i);
    expect(established.length).toBe(before);
    await eventually(() => expect(refused.length).toBeGreaterThan(0));
  });

  it('stays plaintext without KAFKA_SSL, as against the local broker: no handshake happens', async () => {
    const before = established.length;
    await connect(kafkaSecurityFromSettings({ KAFKA_SSL: false }));
    expect(established.length).toBe(before);
  });
});

function writeExtensions(file: string): string {
  writeFileSync(file, 'subjectAltName=DNS:localhost\n');
  return file;
}
