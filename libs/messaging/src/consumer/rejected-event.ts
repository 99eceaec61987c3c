/**
 * Thrown by a handler that refuses an event for good: it breaks a rule no retry can fix (a sequence
 * that cannot be the aggregate's, say). The event is dead-lettered at once with reason `rejected` and
 * this message, and nothing of it is applied; retrying it would only delay the partition.
 *
 * @example
 *   if (!plausible(event)) throw new RejectedEvent(`sequence ${event.sequence} is implausible`);
 */
export class RejectedEvent extends Error {
  override readonly name = 'RejectedEvent';

  constructor(readonly reason: string) {
    super(reason);
  }
}
