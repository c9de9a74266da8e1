import { z } from 'zod';
import { CUSTOMER_TIERS, HELPDESK_IDS, PRIORITIES, STATUSES, TIER_IDS } from './ticket-schema';

/**
 * The normalized ticket (./ticket-schema.ts, in `zod/mini` so the tab's fallback chunk
 * can run it) and its id enums as full-zod schemas, which the policy, event
 * and decision schemas compose with `.optional()` and `.default()`.
 */
export * from './ticket-schema';

export const tierIdSchema = z.enum(TIER_IDS);
export const helpdeskIdSchema = z.enum(HELPDESK_IDS);
export const customerTierSchema = z.enum(CUSTOMER_TIERS);
export const prioritySchema = z.enum(PRIORITIES);
export const statusSchema = z.enum(STATUSES);
