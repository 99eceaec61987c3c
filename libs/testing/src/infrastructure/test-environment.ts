function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest, whose global setup sets it`);
  return value;
}

/** The broker list the global setup found or started. */
export const testKafkaBrokers = (): string[] => required('C2C_TEST_KAFKA_BROKERS').split(',');

/** An administrative connection string to the test cluster's platform database. */
export const testAdminDatabaseUrl = (): string => required('C2C_TEST_ADMIN_DATABASE_URL');
