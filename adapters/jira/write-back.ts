import { getMapping } from '../shared/policy-mapping';
import { textToAdf } from '../shared/text';
import { otherTierTags, tierTag } from '../shared/write-back';
import type { WriteBackInput, WriteBackPlan } from '../types';

/**
 * An internal comment (ADF body, marked internal with the `sd.public.comment`
 * property JSM reads), then a labels update that adds the tier label and
 * removes the others. `X-Atlassian-Token: no-check` passes Jira's XSRF check
 * for cookie-authenticated requests.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/intro/#internal-comments
 */
export function buildJiraWriteBack({ ref, noteText, tier, policy, currentTags }: WriteBackInput): WriteBackPlan {
  const mapping = getMapping(policy, 'jira');
  const notes: string[] = [];
  if (mapping.writeBack[tier]?.group) notes.push(`Jira issues have no group to assign; only the ${tier} label is written.`);
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Atlassian-Token': 'no-check' };
  const label = tierTag(mapping, tier);
  const labels = [{ add: label }, ...otherTierTags(mapping, currentTags, tier).map((remove) => ({ remove }))];
  return {
    requests: [
      {
        method: 'POST',
        url: `/rest/api/3/issue/${ref}/comment`,
        headers,
        body: { body: textToAdf(noteText), properties: [{ key: 'sd.public.comment', value: { internal: true } }] },
        purpose: 'Add the handoff packet as an internal comment',
      },
      { method: 'PUT', url: `/rest/api/3/issue/${ref}`, headers, body: { update: { labels } }, purpose: `Label the request for ${tier}` },
    ],
    notes,
  };
}
