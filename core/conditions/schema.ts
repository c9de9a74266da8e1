import { z } from 'zod';

/**
 * Conditions: nested all / any / not over ticket facts (see `core/route/facts.ts`
 * for the field names). A leaf compares one field with one operator.
 *
 * @example
 * { all: [
 *   { field: 'requester.customerTier', op: 'eq', value: 'enterprise' },
 *   { field: 'timeInQueue', op: 'gt', value: '15m' },
 * ] }
 */

/** A business duration such as "15m", "2h", "1d 4h" or a number of minutes. */
export const durationSchema = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\s*(\d+(\.\d+)?\s*(m|min|h|d|w)\s*)+$/, 'a duration such as "15m", "2h" or "1d 4h"'),
]);
export type Duration = z.infer<typeof durationSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const leafSchema = z.discriminatedUnion('op', [
  z.object({ field: z.string().min(1), op: z.literal('eq'), value: scalar }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('ne'), value: scalar }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('in'), value: z.array(scalar).min(1) }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('notIn'), value: z.array(scalar).min(1) }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('gt'), value: z.number() }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('gte'), value: z.number() }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('lt'), value: z.number() }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('lte'), value: z.number() }).strict(),
  /** Case- and accent-insensitive; a list matches when any of its phrases is contained. */
  z.object({ field: z.string().min(1), op: z.literal('contains'), value: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }).strict(),
  /**
   * Words, not substrings: the phrase's words (or their stems, in the ticket's language) in a row; `…` allows up to
   * four words between parts, `*` a word's start or end; a match in a negated clause does not count. On `text`,
   * `customerText`, `agentNotes`, `subject` and `lastCustomerMessage` it reads the analysed ticket (own words only:
   * no quoted thread, no signature). See core/text.
   */
  z.object({ field: z.string().min(1), op: z.literal('mentions'), value: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1)]) }).strict(),
  /**
   * A regular expression in JavaScript syntax, case-insensitive, run in linear time on RE2 (see safe-pattern.ts): no
   * backreferences, lookaround or nested quantifiers, at most 100 RE2 instructions.
   */
  z.object({ field: z.string().min(1), op: z.literal('matches'), value: z.string().min(1).max(200) }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('exists'), value: z.boolean() }).strict(),
  /** Duration comparisons on business-time fields (timeInQueue, age): "15m", "2h". */
  z.object({ field: z.string().min(1), op: z.literal('longerThan'), value: durationSchema }).strict(),
  z.object({ field: z.string().min(1), op: z.literal('shorterThan'), value: durationSchema }).strict(),
]);
export type LeafCondition = z.infer<typeof leafSchema>;
export type ConditionOp = LeafCondition['op'];

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    leafSchema,
  ]),
);
