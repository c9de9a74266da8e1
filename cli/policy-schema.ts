import { z } from 'zod';
import { POLICY_SCHEMA_VERSION, policySchema } from '../core/policy/schema';

/** The file name `tierline policy init` gives the JSON Schema, beside the policy it writes. */
export const POLICY_SCHEMA_FILE = 'tierline-policy.schema.json';

/**
 * The policy format as JSON Schema (draft 2020-12), generated from the zod
 * schema that parses policies, so editors validate and complete a policy file
 * with the same rules as `tierline lint` (the linter's own checks — undefined
 * roles, vague triggers — still need the linter). Generated for the input
 * side: fields with a default may be left out. The schema also allows the
 * `$schema` hint itself, which the policy format otherwise has no key for.
 *
 * @example
 * policyJsonSchema().properties.tiers // { type: 'array', minItems: 1, items: { … } }
 */
export function policyJsonSchema(): Record<string, unknown> & { properties: Record<string, unknown> } {
  const generated = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { properties: Record<string, unknown> };
  const { $schema, properties, ...rest } = generated;
  return {
    $schema,
    title: `Tierline support-levels policy (schemaVersion ${POLICY_SCHEMA_VERSION})`,
    description: 'Tiers, roles, the issue-type matrix, severities, escalation triggers, calendars, handoff requirements and AI gates. Check a file with `tierline lint`.',
    ...rest,
    properties: { $schema: { type: 'string', description: 'Where editors find this schema; ignored by Tierline.' }, ...properties },
  };
}
