import type { TicketComment } from '../../core/ticket';
import { normalizeTicket, type TierChange } from '../shared/normalize';
import type { FieldValue, Fields } from '../shared/policy-mapping';
import { type AdfNode, adfToText, tidyText, toIsoDateTime } from '../shared/text';
import { AdapterApiError, type ApiReadInput, type ApiResponses, type TicketRead } from '../types';
import { type JiraIssue, jiraIssueSchema, jiraSlaSchema } from './api-schema';
import { jiraApiPaths } from './fetch';
import { JIRA_GROUP_FIELDS, jiraPriority, jiraStatus } from './names';

/**
 * Reading a Jira Service Management request through the same-origin REST API
 * with the agent's session: the issue with field names and changelog, and the
 * request's SLAs.
 */

const ORGANIZATION_FIELDS = ['organizations', 'organization'];

const text = (value: string | AdfNode | null | undefined) => (typeof value === 'string' ? tidyText(value) : adfToText(value));

/** A custom field value as text, number, flag or list: selects by value, users by name, ADF as text. */
function fieldValue(value: unknown): FieldValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map(fieldValue).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    return items.map(String);
  }
  if (typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (o.type === 'doc') return adfToText(o as AdfNode);
  for (const key of ['value', 'name', 'displayName']) if (typeof o[key] === 'string') return o[key] as string;
  return undefined;
}

/** A JSM request type field: `{ requestType: { name } }` (schema custom `…:vp-origin`). */
function requestTypeName(value: unknown): string | undefined {
  const name = (value as { requestType?: { name?: unknown } } | null)?.requestType?.name;
  return typeof name === 'string' ? name : undefined;
}

const DONE = new Set(['resolved', 'done', 'closed', 'completed', 'canceled', 'cancelled']);

function readChangelog(issue: JiraIssue, groupFieldNames: Set<string>): { tierChanges: TierChange[] | undefined; reopenCount: number | undefined } {
  if (!issue.changelog) return { tierChanges: undefined, reopenCount: undefined };
  const tierChanges: TierChange[] = [];
  let reopenCount = 0;
  for (const history of issue.changelog.histories) {
    const at = toIsoDateTime(history.created);
    if (!at) continue;
    for (const item of history.items) {
      const field = item.field.toLowerCase();
      if (field === 'labels') {
        const before = new Set((item.fromString ?? '').split(/\s+/).filter(Boolean));
        tierChanges.push({ at, addedTags: (item.toString ?? '').split(/\s+/).filter((l) => l && !before.has(l)) });
      } else if (groupFieldNames.has(field) && item.toString) tierChanges.push({ at, group: item.toString });
      else if (field === 'status' && DONE.has((item.fromString ?? '').toLowerCase()) && !DONE.has((item.toString ?? '').toLowerCase())) reopenCount++;
    }
  }
  return { tierChanges, reopenCount };
}

export function jiraTicketFromApiResponses(responses: ApiResponses, { ref, policy, origin }: { ref: string; policy: ApiReadInput['policy']; origin?: string | undefined }): TicketRead {
  const parsed = jiraIssueSchema.safeParse(responses.ticket);
  if (!parsed.success) throw new AdapterApiError(`the Jira issue ${ref} has an unexpected shape: ${parsed.error.issues[0]?.message}`, { path: jiraApiPaths.issue(ref) });
  const issue = parsed.data;
  const f = issue.fields;
  const unreadable: string[] = [];
  const sla = jiraSlaSchema.safeParse(responses.sla);
  if (responses.sla !== undefined && !sla.success) unreadable.push('sla');

  const fields: Fields = {};
  let group: string | undefined;
  let organization: string | undefined;
  const groupFieldNames = new Set<string>();
  for (const [id, raw] of Object.entries(f)) {
    if (!id.startsWith('customfield_') || raw === null || raw === undefined) continue;
    const name = issue.names?.[id] ?? id;
    const requestType = requestTypeName(raw);
    if (requestType) {
      fields['Request type'] = requestType;
      continue;
    }
    // SLA fields come from the SLA endpoint, with their remaining time.
    if (typeof raw === 'object' && raw !== null && 'ongoingCycle' in raw) continue;
    const value = fieldValue(raw);
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    fields[name] = value;
    const lower = name.toLowerCase();
    if (JIRA_GROUP_FIELDS.includes(lower) && typeof value === 'string') {
      group = value;
      groupFieldNames.add(lower);
      groupFieldNames.add(id);
    }
    if (ORGANIZATION_FIELDS.includes(lower)) organization = Array.isArray(value) ? value[0] : String(value);
  }
  if (f.issuetype?.name) fields['Issue type'] = f.issuetype.name;
  if (sla.success) {
    for (const s of sla.data.values) {
      const cycle = s.ongoingCycle;
      if (!cycle) continue;
      if (cycle.remainingTime) fields[`SLA ${s.name} remaining minutes`] = Math.round(cycle.remainingTime.millis / 60_000);
      if (typeof cycle.breached === 'boolean') fields[`SLA ${s.name} breached`] = cycle.breached;
    }
  }

  const reporter = f.reporter;
  const rawComments = Array.isArray(f.comment) ? f.comment : (f.comment?.comments ?? []);
  if (!f.comment) unreadable.push('comments');
  const comments: TicketComment[] = rawComments.map((c) => {
    const type = c.author?.accountType;
    const author = (reporter?.accountId && c.author?.accountId === reporter.accountId) || type === 'customer' ? 'customer' : type === 'app' ? 'system' : 'agent';
    return { author, public: c.jsdPublic ?? true, body: text(c.body), at: toIsoDateTime(c.created), authorName: c.author?.displayName ?? undefined };
  });

  const { tierChanges, reopenCount } = readChangelog(issue, groupFieldNames);
  return normalizeTicket(
    {
      id: issue.key,
      url: origin ? `${origin}/browse/${issue.key}` : undefined,
      subject: f.summary ?? '',
      description: text(f.description),
      comments,
      requester: { id: reporter?.accountId ?? undefined, name: reporter?.displayName ?? undefined, email: reporter?.emailAddress ?? undefined, organization },
      priority: jiraPriority(f.priority?.name),
      status: jiraStatus(f.status?.name, f.status?.statusCategory?.key),
      tags: f.labels,
      fields,
      group,
      createdAt: toIsoDateTime(f.created),
      updatedAt: toIsoDateTime(f.updated),
      reopenCount,
    },
    { helpdesk: 'jira', policy, unreadable, tierChanges },
  );
}
