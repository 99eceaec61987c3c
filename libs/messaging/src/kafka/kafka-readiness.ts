import { Admin, Kafka } from 'kafkajs';

/**
 * Readiness of the broker as the service sees it: a metadata round trip on a long-lived admin client
 * that reconnects by itself once the broker is back.
 */
export class KafkaReadiness {
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    try {
      await this.admin.connect();
      const cluster = await this.admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('the cluster reports no brokers');
    } catch (error) {
      // A fresh client next time: kafkajs keeps a broken admin's connection state around.
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
