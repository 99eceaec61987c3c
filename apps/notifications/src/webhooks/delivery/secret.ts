import { randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * A new Standard Webhooks signing secret: `whsec_` + base64 of `bytes` random bytes (24 to 64, the
 * range the specification allows; 32 by default: 256 bits, as long as the HMAC-SHA256 output).
 */
export function generateWebhookSecret(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 24 || bytes > 64) {
    throw new RangeError(`a webhook secret has 24 to 64 random bytes, not ${bytes}`);
  }
  return WEBHOOK_SECRET_PREFIX + randomBytes(bytes).toString('base64');
}
