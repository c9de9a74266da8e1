import type { Policy } from '../../core/policy/schema';
import { parseHandoffNote } from '../../core/handoff/find-note';
import { type HelpdeskId, type TicketComment, type TicketInput, ticketSchema, type TierId } from '../../core/ticket-schema';
import type { TicketRead, TicketScrape } from '../types';
import { type Fields, getMapping, resolveAmount, resolveContractValue, resolveCustomerTier, resolveImpactedUsers, resolveIssueType, resolveRole, resolveTier } from './policy-mapping';

/** What an adapter read before the policy mapping: a ticket input plus the requester's organisation fields. */
export interface RawTicket extends Omit<TicketInput, 'unreadable' | 'helpdesk'> {
  /** Organisation / company fields (plan, contract value) that decide the customer tier. */
  customerFields?: Fields;
}

/** A moment the ticket's group or tier tags changed, from audits or a changelog. */
export interface TierChange {
  at: string;
  /** The group the ticket moved to (its name when known). */
  group?: string;
  /** Tags or labels added at that moment. */
  addedTags?: string[];
}

export interface NormalizeContext {
  helpdesk: HelpdeskId;
  policy: Policy;
  /** Fields the adapter tried to read and could not. */
  unreadable: string[];
  /** The ticket's group / tag history, when the helpdesk exposes one; `undefined` when it was not read. */
  tierChanges?: TierChange[] | undefined;
}

/**
 * Applies the policy's helpdesk mapping (tier and role, issue type, customer tier) and
 * the field conventions (amount, impacted users, contract value), works out
 * when the ticket entered its tier, and validates the result with the
 * ticket schema. A field that fails validation is dropped and listed as
 * unreadable rather than losing the whole ticket.
 */
export function normalizeTicket(raw: RawTicket, ctx: NormalizeContext): TicketRead {
  const { customerFields = {}, ...input } = raw;
  const mapping = getMapping(ctx.policy, ctx.helpdesk);
  const unreadable = [...ctx.unreadable];
  const fields: Fields = input.fields ?? {};
  const tags = input.tags ?? [];
  const resolved = resolveTier(mapping, input.group, tags);
  const requester = { ...input.requester };
  requester.customerTier ??= resolveCustomerTier(mapping, fields, customerFields);
  requester.contractValue ??= resolveContractValue(customerFields, fields);

  const draft: Record<string, unknown> = {
    ...input,
    helpdesk: ctx.helpdesk,
    requester: dropUndefined(requester),
    currentTier: input.currentTier ?? resolved?.tier,
    assigneeRole: input.assigneeRole ?? resolveRole(ctx.policy, mapping, input.group, tags, input.currentTier ?? resolved?.tier),
    issueType: input.issueType ?? resolveIssueType(mapping, fields, tags),
    amount: input.amount ?? resolveAmount(fields),
    impactedUsers: input.impactedUsers ?? resolveImpactedUsers(fields),
  };
  if (!input.tierEnteredAt) {
    const at = findTierEntry(resolved?.source, ctx.tierChanges) ?? findHandoffInto(resolved?.tier, input.comments);
    if (at) draft.tierEnteredAt = at;
    else if (ctx.tierChanges || !resolved || resolved.tier === ctx.policy.entryTier) draft.tierEnteredAt = input.createdAt;
    else unreadable.push('tierEnteredAt');
  }
  return validate(dropUndefined(draft), unreadable);
}

/**
 * A tab's scrape of the page (validated with `ticketScrapeSchema` where it crossed a message), normalized like an
 * API read. The page keeps no history, so tier entry is known only for the entry tier or from a handoff note.
 */
export function ticketFromScrape(helpdesk: HelpdeskId, scrape: TicketScrape, policy: Policy): TicketRead {
  return normalizeTicket(scrape.ticket, { helpdesk, policy, unreadable: scrape.unreadable });
}

function findTierEntry(source: { kind: 'group' | 'tag'; value: string } | undefined, changes: TierChange[] | undefined): string | undefined {
  if (!source || !changes) return undefined;
  const entering = changes.filter((c) => (source.kind === 'group' ? c.group === source.value : (c.addedTags ?? []).includes(source.value)));
  return entering.map((c) => c.at).sort().at(-1);
}

/**
 * When the helpdesk keeps no history of tier changes, Tierline's own handoff note is one: the latest agent's
 * note that moved the ticket into its current tier says when it got there.
 */
function findHandoffInto(tier: TierId | undefined, comments: readonly (Pick<TicketComment, 'author' | 'body' | 'at'> & { public?: boolean | undefined })[] | undefined): string | undefined {
  if (!tier || !comments) return undefined;
  const entries = comments.filter((c) => c.author === 'agent' && c.public === false && c.at && parseHandoffNote(c)?.to === tier).map((c) => c.at as string);
  return entries.sort().at(-1);
}

function dropUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function validate(draft: Record<string, unknown>, unreadable: string[]): TicketRead {
  let candidate = draft;
  for (let attempt = 0; attempt < 10; attempt++) {
    const list = [...new Set(unreadable)];
    const result = ticketSchema.safeParse({ ...candidate, unreadable: list });
    if (result.success) return { ticket: result.data, unreadable: list };
    candidate = { ...candidate };
    const badComments = new Set<number>();
    for (const issue of result.error.issues) {
      const [key, index] = issue.path;
      if (typeof key !== 'string' || key === 'id' || key === 'unreadable') throw new Error(`The ticket cannot be normalized: ${issue.message} at ${issue.path.join('.')}`);
      // One bad comment is dropped, not all of them.
      if (key === 'comments' && typeof index === 'number') badComments.add(index);
      else {
        delete candidate[key];
        unreadable.push(key);
      }
    }
    if (badComments.size > 0 && Array.isArray(candidate.comments)) {
      candidate.comments = candidate.comments.filter((_, i) => !badComments.has(i));
      for (const i of badComments) unreadable.push(`comments[${i}]`);
    }
  }
  throw new Error('The ticket cannot be normalized.');
}
