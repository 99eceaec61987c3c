import { SetMetadata } from '@nestjs/common';

/** The metadata key of {@link RunsOwnTransactions}. */
export const RUNS_OWN_TRANSACTIONS = 'c2c:runs-own-transactions';

/**
 * Marks a controller or route whose work must keep its transactions apart, so nothing around it
 * (the replay of keyed commands in `@c2c/service`) joins them into one request transaction: a
 * dead-letter replay applies each letter in its own transaction, with its own retries and rollback.
 */
export const RunsOwnTransactions = (): ClassDecorator & MethodDecorator =>
  SetMetadata(RUNS_OWN_TRANSACTIONS, true);
