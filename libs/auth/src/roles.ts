/**
 * The platform's roles. `secretariat` may do everything; `commission-officer` acts for the
 * commissions in its scope; `city-officer` acts only for its one city; `observer` only reads.
 */
export const ROLES = ['secretariat', 'commission-officer', 'city-officer', 'observer'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
