import { z } from 'zod';
import { conditionSchema, durationSchema } from '../conditions/schema';
import { METRIC_IDS } from '../metrics/definitions';
import { customerTierSchema, helpdeskIdSchema, tierIdSchema } from '../ticket';

/**
 * The support-levels policy: the single source of truth for tiers, roles,
 * the issue-type matrix, severities and their clocks, escalation triggers,
 * business-hours calendars, handoff requirements, AI gates and helpdesk
 * mappings. `schemaVersion` is the format; `revision` is the content version
 * (what the sync endpoint's ETag carries).
 */

export const POLICY_SCHEMA_VERSION = 1;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id such as "billing-specialist"');

export const tierSchema = z
  .object({
    id: tierIdSchema,
    name: z.string().min(1),
    /** The one-sentence boundary: what this tier owns that the one below does not. */
    boundary: z.string().min(1),
    /** The role that owns tickets at this tier by default. */
    ownerRole: id,
    /** Tier 0 is self-service (a knowledge base or bot), not people. */
    human: z.boolean().default(true),
  })
  .strict();

export const roleSchema = z
  .object({
    id,
    name: z.string().min(1),
    tier: tierIdSchema,
    description: z.string().optional(),
  })
  .strict();

export const issueTypeSchema = z
  .object({
    id,
    name: z.string().min(1),
    tier: tierIdSchema,
    /** A role other than the tier's owner, e.g. billing → Billing Specialist. */
    role: id.optional(),
    /**
     * Phrases that identify this issue type in the ticket text when no field names it, matched as `mentions` does
     * (words and stems, `…` gaps, `*` wildcards, negation), in any of the policy's languages.
     */
    keywords: z.array(z.string().min(1)).default([]),
    /** How much one of these phrases counts (default 1): question forms ("how do I") say less than topic words ("webhook"). */
    weight: z.number().positive().max(10).optional(),
  })
  .strict();

export const severitySchema = z
  .object({
    id,
    name: z.string().min(1),
    /** When this severity applies; severities are tried in order, the first match wins. */
    when: conditionSchema.optional(),
    /** Time to first response. */
    response: durationSchema,
    /** Time at a tier after which the ticket must move on (the escalation clock). */
    escalation: durationSchema,
    /** The calendar the clock runs on; "24x7" for round-the-clock severities. */
    calendar: id,
  })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time such as "09:00"');
const day = z.array(z.object({ start: hhmm, end: hhmm }).strict()).default([]);

export const calendarSchema = z
  .object({
    id,
    name: z.string().optional(),
    /** IANA time zone, e.g. "Europe/Berlin". */
    timeZone: z.string().min(1),
    /** When true the clock always runs (holidays and hours are ignored). */
    alwaysOpen: z.boolean().default(false),
    hours: z
      .object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
      .strict()
      .default({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }),
    /** Local dates (YYYY-MM-DD) on which the clock does not run. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2026-12-25"')).default([]),
  })
  .strict();

export const triggerKindSchema = z.enum(['functional', 'severity', 'time', 'contractual', 'systemic', 'sentiment']);
export type TriggerKind = z.infer<typeof triggerKindSchema>;

export const triggerSchema = z
  .object({
    id,
    kind: triggerKindSchema,
    /** What the trigger means, in the agent's words. */
    description: z.string().min(1),
    /** The measurable condition. */
    when: conditionSchema,
    /** Where the ticket goes: up to a tier, or sideways to a role. */
    route: z
      .object({
        tier: tierIdSchema.optional(),
        role: id.optional(),
        /** Skip the tiers in between (Tier 1–2) and go straight to the owner. */
        bypass: z.boolean().default(false),
        /** A warning only: the trigger shows, the ticket stays where the rest of the policy puts it. */
        stay: z.boolean().optional(),
      })
      .strict()
      .refine((r) => r.tier !== undefined || r.role !== undefined || r.stay, 'a route needs a tier, a role or "stay": true'),
    /**
     * The issue type this trigger identifies (a security breach is a security incident): when it fires, it replaces an
     * issue type that was only guessed, before the later triggers read it.
     */
    issueType: id.optional(),
    /** Set the severity when this trigger fires (e.g. a security breach is critical). */
    severity: id.optional(),
    /** What the agent should do now. */
    action: z.string().min(1),
  })
  .strict();

export const handoffItemSchema = z
  .object({
    id,
    label: z.string().min(1),
    hint: z.string().optional(),
  })
  .strict();

export const stageIdSchema = z.enum(['T0-T1', 'T1-T2', 'T2-T3', 'T3-T4']);
export type StageId = z.infer<typeof stageIdSchema>;

export const handoffPolicySchema = z
  .object({
    /** "block": an incomplete packet cannot be sent; "warn": it can, with a warning. */
    mode: z.enum(['block', 'warn']).default('warn'),
    /** The six base elements every packet carries. */
    base: z.array(handoffItemSchema).min(1),
    /** Each stage's own required context. A skip (T1→T3) needs every stage it crosses. */
    stages: z.partialRecord(stageIdSchema, z.array(handoffItemSchema)),
  })
  .strict();

export const aiGatesSchema = z
  .object({
    /** At or above: the suggestion may be applied without a click. */
    autoRouteAt: z.number().min(0).max(1).default(0.9),
    /** Below: a human triages; in between, the agent confirms a suggestion. */
    humanBelow: z.number().min(0).max(1).default(0.7),
    /** Stricter (or looser) gates per issue type or label. */
    categories: z
      .record(z.string(), z.object({ autoRouteAt: z.number().min(0).max(1).optional(), humanBelow: z.number().min(0).max(1).optional() }).strict())
      .default({}),
    /** Cases never automated, whatever the confidence. */
    sensitive: z
      .array(z.object({ id, description: z.string().min(1), when: conditionSchema }).strict())
      .default([]),
    /** Triage label → issue type and / or role. */
    labels: z.record(z.string(), z.object({ issueType: id.optional(), role: id.optional() }).strict()).default({}),
  })
  .strict();

/** A helpdesk group (name or id) and / or tag that marks a tier or a role. */
const writeBackTargetSchema = z.object({ group: z.string().optional(), tag: z.string().optional() }).strict();

/** How a helpdesk's groups, tags, fields and request types map onto the model. */
export const helpdeskMappingSchema = z
  .object({
    groups: z.record(z.string(), tierIdSchema).default({}),
    tags: z.record(z.string(), tierIdSchema).default({}),
    issueTypeTags: z.record(z.string(), id).default({}),
    /** Field name → issue type: Jira request types, Zendesk / Freshdesk custom fields. */
    issueTypeFields: z.record(z.string(), z.record(z.string(), id)).default({}),
    /**
     * Field name → values that are the helpdesk's generic default (Freshdesk's "Question", Jira's "Get IT help"):
     * weak evidence that what the customer wrote outweighs.
     */
    genericIssueTypeValues: z.record(z.string(), z.array(z.string())).optional(),
    customerTierFields: z.record(z.string(), z.record(z.string(), customerTierSchema)).default({}),
    /** The group or tag written back for each tier when escalating. */
    writeBack: z.partialRecord(tierIdSchema, writeBackTargetSchema).default({}),
    /**
     * Role id → the group or tag written back when the ticket moves to that role: the role's group replaces the
     * tier's group (Freshdesk's "Billing" for the Billing Specialist), its tag goes beside the tier tag. A role
     * without a group keeps its tier's group, so a sideways move (Tier 1 → Billing Specialist) still reaches
     * the role by its tag. Read back as the ticket's role.
     */
    roleWriteBack: z.record(id, writeBackTargetSchema).default({}),
  })
  .strict();

export const textSettingsSchema = z
  .object({
    /** The customers' language when every ticket is in one; detected per ticket when absent. */
    language: z.enum(['en', 'de', 'es', 'fr', 'pt', 'it', 'nl']).optional(),
    /**
     * Currencies an amount written in the text may be in, each with the factor that turns it into the unit the
     * policy's `amount.value` conditions compare (1 for all: face value). An amount in another currency is not read.
     */
    currencies: z.record(z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"'), z.number().positive()).default({ USD: 1, EUR: 1, GBP: 1, CHF: 1 }),
  })
  .strict();

/** A share on 0–1, as the metrics are (0.15 is 15 %). */
const share = z.number().min(0).max(1);

const bandSchema = z
  .object({
    min: share.optional(),
    max: share.optional(),
    /** A value equal to max already lies beyond the band ("from 20 %"). */
    exclusiveMax: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, { message: 'min must not be above max', path: ['min'] });

/**
 * A team's own bands for one metric (the lead's dashboard judges by them and says they are the policy's); what
 * it leaves out keeps the support-levels model's default (core/metrics/verdict.ts).
 */
export const metricBandsSchema = z
  .object({
    /** The healthy band. */
    healthy: bandSchema.optional(),
    /** Beyond this, a warning; between it and the healthy band, worth watching. */
    warning: bandSchema.optional(),
    /** Fewer cases in a period and there is no verdict ("not enough data"). */
    minCases: z.number().int().min(1).max(1_000_000).optional(),
    /** Post-handoff CSAT: a drop of this many points (0–100) on the previous period is a warning. */
    dropPoints: z.number().min(0).max(100).optional(),
  })
  .strict();

export const policySchema = z
  .object({
    /** The JSON schema an editor validates the file with (`tierline policy init` writes it); ignored by Tierline. */
    $schema: z.string().optional(),
    schemaVersion: z.literal(POLICY_SCHEMA_VERSION),
    name: z.string().min(1),
    /** Content version, bumped on every published change. */
    revision: z.number().int().nonnegative().default(0),
    /** When this policy was rolled out (drives the review cadence). */
    rolledOutAt: z.string().optional(),
    tiers: z.array(tierSchema).min(1),
    roles: z.array(roleSchema).min(1),
    issueTypes: z.array(issueTypeSchema).default([]),
    severities: z.array(severitySchema).min(1),
    /** Severity used when none matches. */
    defaultSeverity: id,
    calendars: z.array(calendarSchema).min(1),
    /** Statuses that stop the queue clock (waiting on the customer). */
    pausedStatuses: z.array(z.string()).default(['pending', 'on-hold']),
    /** The tier a new ticket starts at when nothing else decides. */
    entryTier: tierIdSchema.default('T1'),
    triggers: z.array(triggerSchema).default([]),
    handoff: handoffPolicySchema,
    ai: aiGatesSchema.default({ autoRouteAt: 0.9, humanBelow: 0.7, categories: {}, sensitive: [], labels: {} }),
    helpdesks: z.partialRecord(helpdeskIdSchema, helpdeskMappingSchema).default({}),
    /** How ticket text is read (core/text). */
    text: textSettingsSchema.default({ currencies: { USD: 1, EUR: 1, GBP: 1, CHF: 1 } }),
    /** The team's healthy and warning bands per metric, where they differ from the support-levels model's. */
    metricBands: z.partialRecord(z.enum(METRIC_IDS), metricBandsSchema).default({}),
  })
  .strict();

/** A policy after parsing, with defaults filled in. */
export type Policy = z.infer<typeof policySchema>;
/** A policy as written in JSON, before defaults. */
export type PolicyInput = z.input<typeof policySchema>;
export type Tier = Policy['tiers'][number];
export type Role = Policy['roles'][number];
export type IssueType = Policy['issueTypes'][number];
export type Severity = Policy['severities'][number];
export type Calendar = Policy['calendars'][number];
export type Trigger = Policy['triggers'][number];
export type HandoffItem = z.infer<typeof handoffItemSchema>;
export type AiGates = Policy['ai'];
export type HelpdeskMapping = z.infer<typeof helpdeskMappingSchema>;
