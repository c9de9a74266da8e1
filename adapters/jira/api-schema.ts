import { z } from 'zod';
import type { AdfNode } from '../shared/text';

/**
 * The parts of Jira Cloud REST v3 and Jira Service Management responses
 * Tierline reads (`.loose()` keeps the rest).
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 */

/** ADF in v3; a plain string in v2 responses and older Server builds. */
const adf = z.union([z.string(), z.custom<AdfNode>((v) => typeof v === 'object' && v !== null)]).nullish();

const user = z.object({ accountId: z.string().nullish(), displayName: z.string().nullish(), emailAddress: z.string().nullish(), accountType: z.string().nullish() }).loose();

const comment = z
  .object({
    id: z.string().nullish(),
    author: user.nullish(),
    body: adf,
    created: z.string().nullish(),
    /** JSM: false for internal comments. */
    jsdPublic: z.boolean().nullish(),
  })
  .loose();

export const jiraIssueSchema = z
  .object({
    key: z.string(),
    fields: z
      .object({
        summary: z.string().nullish(),
        description: adf,
        status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().nullish() }).loose().nullish(),
        priority: z.object({ name: z.string() }).loose().nullish(),
        issuetype: z.object({ name: z.string() }).loose().nullish(),
        labels: z.array(z.string()).default([]),
        reporter: user.nullish(),
        created: z.string().nullish(),
        updated: z.string().nullish(),
        // `{ comments: [...] }` in real responses; a bare array in the documentation's example.
        comment: z.union([z.object({ comments: z.array(comment) }).loose(), z.array(comment)]).nullish(),
      })
      .loose(),
    /** With `expand=names`: field id → display name ("customfield_10010" → "Request Type"). */
    names: z.record(z.string(), z.string()).nullish(),
    /** With `expand=changelog`. */
    changelog: z
      .object({
        histories: z.array(
          z
            .object({
              created: z.string(),
              items: z.array(z.object({ field: z.string(), fromString: z.string().nullish(), toString: z.string().nullish() }).loose()),
            })
            .loose(),
        ),
      })
      .loose()
      .nullish(),
  })
  .loose();
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

/** GET /rest/servicedeskapi/request/{key}/sla (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get). */
export const jiraSlaSchema = z
  .object({
    values: z.array(
      z
        .object({
          name: z.string(),
          ongoingCycle: z
            .object({
              breached: z.boolean().nullish(),
              paused: z.boolean().nullish(),
              remainingTime: z.object({ millis: z.number() }).loose().nullish(),
              breachTime: z.object({ iso8601: z.string().nullish(), epochMillis: z.number().nullish() }).loose().nullish(),
            })
            .loose()
            .nullish(),
        })
        .loose(),
    ),
  })
  .loose();
