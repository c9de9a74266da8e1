/**
 * The ticket's ids and enums as plain constants, apart from the schemas in
 * ./ticket-schema.ts, so code that runs in the helpdesk tab (the view builder,
 * the handoff stages, the note finder) carries no zod (issue 13).
 */

/** Tier ids, Tier 0 (self-service) to Tier 4 (specialist). */
export const TIER_IDS = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
export type TierId = (typeof TIER_IDS)[number];

export const HELPDESK_IDS = ['zendesk', 'freshdesk', 'jira'] as const;
export type HelpdeskId = (typeof HELPDESK_IDS)[number];

export const CUSTOMER_TIERS = ['free', 'standard', 'premium', 'enterprise'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUSES = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof STATUSES)[number];

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

/** @example isTierId('T2') // true */
export const isTierId = oneOf(TIER_IDS);
/** @example isCustomerTier('gold') // false */
export const isCustomerTier = oneOf(CUSTOMER_TIERS);
