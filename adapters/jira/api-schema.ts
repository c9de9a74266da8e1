import * as z from 'zod/mini';
import type { AdfNode } from '../shared/text';

/**
 * The parts of Jira Cloud REST v3 and Jira Service Management responses
 * Tierline reads (`looseObject` keeps the rest).
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 * Written with `zod/mini`: the worker parses these, and so does the tab's lazily loaded fallback chunk when the worker does not answer (issue 13).
 */

const text = z.nullish(z.string());
const named = z.looseObject({ name: z.string() });

/** ADF in v3; a plain string in v2 responses and older Server builds. */
const adf = z.nullish(z.union([z.string(), z.custom<AdfNode>((v) => typeof v === 'object' && v !== null)]));

const user = z.looseObject({ accountId: text, displayName: text, emailAddress: text, accountType: text });

const comment = z.looseObject({
  id: text,
  author: z.nullish(user),
  body: adf,
  created: text,
  /** JSM: false for internal comments. */
  jsdPublic: z.nullish(z.boolean()),
});

export const jiraIssueSchema = z.looseObject({
  key: z.string(),
  fields: z.looseObject({
    summary: text,
    description: adf,
    status: z.nullish(z.looseObject({ name: z.string(), statusCategory: z.nullish(z.looseObject({ key: z.string() })) })),
    priority: z.nullish(named),
    issuetype: z.nullish(named),
    labels: z._default(z.array(z.string()), []),
    reporter: z.nullish(user),
    created: text,
    updated: text,
    // `{ comments: [...] }` in real responses; a bare array in the documentation's example.
    comment: z.nullish(z.union([z.looseObject({ comments: z.array(comment) }), z.array(comment)])),
  }),
  /** With `expand=names`: field id → display name ("customfield_10010" → "Request Type"). */
  names: z.nullish(z.record(z.string(), z.string())),
  /** With `expand=changelog`. */
  changelog: z.nullish(
    z.looseObject({
      histories: z.array(
        z.looseObject({
          created: z.string(),
          items: z.array(z.looseObject({ field: z.string(), fromString: text, toString: text })),
        }),
      ),
    }),
  ),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

/** GET /rest/servicedeskapi/request/{key}/sla (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get). */
export const jiraSlaSchema = z.looseObject({
  values: z.array(
    z.looseObject({
      name: z.string(),
      ongoingCycle: z.nullish(
        z.looseObject({
          breached: z.nullish(z.boolean()),
          paused: z.nullish(z.boolean()),
          remainingTime: z.nullish(z.looseObject({ millis: z.number() })),
          breachTime: z.nullish(z.looseObject({ iso8601: text, epochMillis: z.nullish(z.number()) })),
        }),
      ),
    }),
  ),
});
