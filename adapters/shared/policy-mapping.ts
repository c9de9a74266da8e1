import type { HelpdeskMapping, Policy } from '../../core/policy/schema';
import { type CustomerTier, type HelpdeskId, isCustomerTier, TIER_IDS, type TierId } from '../../core/ticket-ids';

/**
 * How a helpdesk's groups, tags and fields become tiers, issue types and
 * customer tiers: the policy's `helpdesks.<id>` mapping first, then a few
 * conventions so an unmapped helpdesk still reads sensibly (a group named
 * "Tier 2", a tag `tier_2`, a "Plan" field saying "Enterprise").
 */

export type FieldValue = string | number | boolean | null | string[];
export type Fields = Record<string, FieldValue>;

const EMPTY: HelpdeskMapping = { groups: {}, tags: {}, issueTypeTags: {}, issueTypeFields: {}, customerTierFields: {}, writeBack: {}, roleWriteBack: {} };

/** The policy's mapping for one helpdesk, empty when the policy has none. */
export function getMapping(policy: Policy, helpdesk: HelpdeskId): HelpdeskMapping {
  return policy.helpdesks[helpdesk] ?? EMPTY;
}

const lower = (s: string) => s.trim().toLowerCase();
/** A field name compared loosely: `contract_value`, `cf_plan` and "Contract value", "Plan" match. */
const fieldKey = (s: string) => lower(s).replace(/^cf_/, '').replace(/[_-]+/g, ' ');

/** Looks a key up exactly, then case-insensitively. */
function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  if (Object.hasOwn(record, key)) return record[key];
  const wanted = lower(key);
  for (const [k, v] of Object.entries(record)) if (lower(k) === wanted) return v;
  return undefined;
}

const TIER_ORDER: Record<TierId, number> = { T0: 0, T1: 1, T2: 2, T3: 3, T4: 4 };

/** The higher of two tiers. */
export function higherTier(a: TierId | undefined, b: TierId | undefined): TierId | undefined {
  if (!a) return b;
  if (!b) return a;
  return TIER_ORDER[b] > TIER_ORDER[a] ? b : a;
}

/** "Tier 2", "Tier 2 - Technical", "T2" → T2. */
export function tierFromGroupName(mapping: HelpdeskMapping, group: string): TierId | undefined {
  const mapped = lookup(mapping.groups, group);
  if (mapped) return mapped;
  const m = /^\s*(?:tier|level|l)[\s_-]*([0-4])\b/i.exec(group) ?? /^\s*t([0-4])\s*$/i.exec(group);
  return m ? TIER_IDS[Number(m[1])] : undefined;
}

/** `tier_2`, `tier-2`, `tier2`, `t2` → T2. */
export function tierFromTag(mapping: HelpdeskMapping, tag: string): TierId | undefined {
  const mapped = lookup(mapping.tags, tag);
  if (mapped) return mapped;
  const m = /^(?:tier|level)[_-]?([0-4])$/i.exec(tag.trim()) ?? /^t([0-4])$/i.exec(tag.trim());
  return m ? TIER_IDS[Number(m[1])] : undefined;
}

/** Where the current tier was read from: `tierEnteredAt` looks for when that group or tag arrived. */
export type TierSource = { kind: 'group'; value: string } | { kind: 'tag'; value: string };

/** The current tier: the group decides when it maps to one, else the highest tier tag. */
export function resolveTier(mapping: HelpdeskMapping, group: string | undefined, tags: readonly string[]): { tier: TierId; source: TierSource } | undefined {
  if (group) {
    const tier = tierFromGroupName(mapping, group);
    if (tier) return { tier, source: { kind: 'group', value: group } };
  }
  let best: { tier: TierId; source: TierSource } | undefined;
  for (const tag of tags) {
    const tier = tierFromTag(mapping, tag);
    if (tier && higherTier(best?.tier, tier) === tier && tier !== best?.tier) best = { tier, source: { kind: 'tag', value: tag } };
  }
  return best;
}

/**
 * The role a tag marks: a tag the policy writes for a role (`roleWriteBack`), else `role_<id>` / `role-<id>` for
 * one of the policy's roles. `role_billing_specialist` → billing-specialist.
 */
export function roleFromTag(policy: Pick<Policy, 'roles'>, mapping: HelpdeskMapping, tag: string): string | undefined {
  const wanted = lower(tag);
  for (const [role, target] of Object.entries(mapping.roleWriteBack)) if (target.tag && lower(target.tag) === wanted) return role;
  const m = /^role[_-]([a-z0-9][a-z0-9_-]*)$/.exec(wanted);
  const id = m?.[1]?.replace(/_/g, '-');
  return id && policy.roles.some((r) => r.id === id) ? id : undefined;
}

/**
 * The role a group belongs to: the one role the policy writes that group for, unless the group is also a tier's
 * write-back group (then it says the tier, not who at that tier).
 */
export function roleFromGroup(mapping: HelpdeskMapping, group: string): string | undefined {
  const wanted = lower(group);
  if (Object.values(mapping.writeBack).some((t) => t.group && lower(t.group) === wanted)) return undefined;
  const roles = Object.entries(mapping.roleWriteBack).filter(([, t]) => t.group && lower(t.group) === wanted);
  return roles.length === 1 ? roles[0]?.[0] : undefined;
}

/**
 * The role the ticket sits with at its tier, as Tierline's write-back left it: the role's own group, else a role
 * tag. A role of another tier (a stale tag after a move) says nothing.
 */
export function resolveRole(policy: Pick<Policy, 'roles'>, mapping: HelpdeskMapping, group: string | undefined, tags: readonly string[], tier: TierId | undefined): string | undefined {
  const candidates = [...(group ? [roleFromGroup(mapping, group)] : []), ...tags.map((t) => roleFromTag(policy, mapping, t))];
  return candidates.find((role) => role !== undefined && policy.roles.some((r) => r.id === role && r.tier === tier));
}

function valuesOf(value: FieldValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [String(value)];
}

/**
 * The issue type named by a mapped field (Jira request type, a Zendesk / Freshdesk dropdown) or tag. A helpdesk's
 * generic default ("Question", "Get IT help") names nothing: it stays a field, which the router weighs as weak
 * evidence against what the customer wrote.
 */
export function resolveIssueType(mapping: HelpdeskMapping, fields: Fields, tags: readonly string[]): string | undefined {
  for (const [fieldName, byValue] of Object.entries(mapping.issueTypeFields)) {
    const generic = (mapping.genericIssueTypeValues?.[fieldName] ?? []).map(lower);
    for (const value of valuesOf(lookup(fields, fieldName))) {
      if (generic.includes(lower(value))) continue;
      const id = lookup(byValue, value);
      if (id) return id;
    }
  }
  for (const tag of tags) {
    const id = lookup(mapping.issueTypeTags, tag);
    if (id) return id;
  }
  return undefined;
}

const CUSTOMER_TIER_FIELDS = ['customer tier', 'customer plan', 'plan', 'support plan', 'account tier', 'service tier'];

/** The customer tier from a mapped field, else from a field conventionally named "Plan" or "Customer tier". */
export function resolveCustomerTier(mapping: HelpdeskMapping, ...sources: Fields[]): CustomerTier | undefined {
  for (const fields of sources) {
    for (const [fieldName, byValue] of Object.entries(mapping.customerTierFields)) {
      for (const value of valuesOf(lookup(fields, fieldName))) {
        const tier = lookup(byValue, value);
        if (tier) return tier;
      }
    }
  }
  for (const fields of sources) {
    for (const [name, value] of Object.entries(fields)) {
      if (!CUSTOMER_TIER_FIELDS.includes(fieldKey(name))) continue;
      for (const v of valuesOf(value)) {
        const word = lower(v).split(/[\s_-]+/).find(isCustomerTier);
        if (word) return word;
      }
    }
  }
  return undefined;
}

const AMOUNT_FIELDS = ['amount', 'disputed amount', 'dispute amount', 'refund amount', 'invoice amount', 'charge amount'];
const CURRENCY_FIELDS = ['currency', 'amount currency'];
const IMPACTED_USERS_FIELDS = ['impacted users', 'affected users', 'users affected', 'number of impacted users', 'number of affected users'];
const CONTRACT_VALUE_FIELDS = ['contract value', 'annual contract value', 'acv', 'arr'];
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

function findField(fields: Fields, names: readonly string[]): FieldValue | undefined {
  for (const [name, value] of Object.entries(fields)) if (names.includes(fieldKey(name)) && value !== null && value !== '') return value;
  return undefined;
}

/**
 * A number out of a field value, reading thousands separators the way the
 * digits suggest: "1,250.00", "1.250,00", "1 250", "$1,250".
 */
export function parseNumber(value: FieldValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let digits = value.replace(/[^\d.,-]/g, '');
  if (!/\d/.test(digits)) return undefined;
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  if (lastComma > lastDot && digits.length - lastComma - 1 !== 3) digits = digits.replace(/\./g, '').replace(',', '.');
  else digits = digits.replace(/,/g, '');
  const n = Number(digits);
  return Number.isFinite(n) ? n : undefined;
}

/** The money a ticket is about ("Disputed amount" field), with its currency (symbol, code, or a "Currency" field; USD by default). */
export function resolveAmount(fields: Fields): { value: number; currency: string } | undefined {
  const raw = findField(fields, AMOUNT_FIELDS);
  const value = parseNumber(raw);
  if (value === undefined || value < 0) return undefined;
  const text = typeof raw === 'string' ? raw : '';
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  const symbol = Object.keys(SYMBOLS).find((s) => text.includes(s));
  const currencyField = findField(fields, CURRENCY_FIELDS);
  const fromField = typeof currencyField === 'string' && /^[A-Za-z]{3}$/.test(currencyField.trim()) ? currencyField.trim().toUpperCase() : undefined;
  return { value, currency: code ?? (symbol ? SYMBOLS[symbol] : undefined) ?? fromField ?? 'USD' };
}

/** The number of impacted users from a field conventionally named so. */
export function resolveImpactedUsers(fields: Fields): number | undefined {
  const n = parseNumber(findField(fields, IMPACTED_USERS_FIELDS));
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The requester organisation's contract value, for high-value-customer gates. */
export function resolveContractValue(...sources: Fields[]): number | undefined {
  for (const fields of sources) {
    const n = parseNumber(findField(fields, CONTRACT_VALUE_FIELDS));
    if (n !== undefined && n >= 0) return n;
  }
  return undefined;
}
