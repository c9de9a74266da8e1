import { textToAdf } from '../shared/text';
import { planMove } from '../shared/write-back';
import type { WriteBackInput, WriteBackPlan, WriteBackRequest } from '../types';

/**
 * An internal comment (ADF body, marked internal with the `sd.public.comment`
 * property JSM reads), then a labels update that adds the tier and role labels
 * and removes the others. `X-Atlassian-Token: no-check` passes Jira's XSRF check
 * for cookie-authenticated requests.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/intro/#internal-comments
 */
export function buildJiraWriteBack(input: WriteBackInput): WriteBackPlan {
  const { ref, noteText, includeNote = true } = input;
  const move = planMove('jira', input, { groups: false });
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Atlassian-Token': 'no-check' };
  const labels = [...move.addTags.map((add) => ({ add })), ...move.removeTags.map((remove) => ({ remove }))];
  const comment: WriteBackRequest = {
    method: 'POST',
    url: `/rest/api/3/issue/${ref}/comment`,
    headers,
    body: { body: textToAdf(noteText), properties: [{ key: 'sd.public.comment', value: { internal: true } }] },
    purpose: 'Add the handoff packet as an internal comment',
  };
  const label: WriteBackRequest = { method: 'PUT', url: `/rest/api/3/issue/${ref}`, headers, body: { update: { labels } }, purpose: `Label the request for ${move.target}` };
  return { requests: includeNote ? [comment, label] : [label], notes: move.notes };
}
