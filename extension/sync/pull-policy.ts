import { type Policy, policySchema } from '../../core/policy/schema';
import type { Store } from '../store/store';
import { type FetchLike, joinUrl, readError, request } from './http';

export type PullResult =
  | { kind: 'updated'; policy: Policy; etag?: string }
  | { kind: 'unchanged' }
  | { kind: 'none' }
  | { kind: 'invalid'; message: string };

/** Meta keys under which the organisation's policy is kept. */
export const ORG_POLICY = 'orgPolicy';
export const ORG_POLICY_ETAG = 'orgPolicyEtag';
export const ORG_POLICY_ERROR = 'orgPolicyError';

/**
 * Pulls the organisation's policy (`GET {endpoint}/v1/policy`, or a plain
 * policy URL) with `If-None-Match`, so an unchanged policy costs a 304. A new
 * policy is validated with the policy schema before it replaces the old one;
 * an invalid one is refused, the old one kept and the reason remembered.
 */
export async function pullPolicy(options: { store: Store; fetch: FetchLike; url: string; token?: string }): Promise<PullResult> {
  const { store } = options;
  const etag = await store.getMeta<string>(ORG_POLICY_ETAG);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (etag && (await store.getMeta(ORG_POLICY))) headers['if-none-match'] = etag;
  const res = await request(options.fetch, options.url, { headers, cache: 'no-store' }, 'Pulling the policy');
  if (res.status === 304) return { kind: 'unchanged' };
  if (res.status === 404) return { kind: 'none' };
  if (!res.ok) throw await readError(res, 'Pulling the policy');
  const parsed = policySchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const message = `The organisation's policy was refused and the previous one kept: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'not a policy'}`;
    await store.setMeta(ORG_POLICY_ERROR, message);
    return { kind: 'invalid', message };
  }
  const newEtag = res.headers.get('etag') ?? undefined;
  await store.setMeta(ORG_POLICY, parsed.data);
  await store.setMeta(ORG_POLICY_ETAG, newEtag);
  await store.setMeta(ORG_POLICY_ERROR, undefined);
  return { kind: 'updated', policy: parsed.data, ...(newEtag ? { etag: newEtag } : {}) };
}

/** Where the policy is pulled from: the sync endpoint when set, else the policy URL. */
export function policySource(settings: { syncEndpoint: string; syncToken: string; policyUrl: string }): { url: string; token?: string } | undefined {
  if (settings.syncEndpoint) return { url: joinUrl(settings.syncEndpoint, '/v1/policy'), token: settings.syncToken };
  if (settings.policyUrl) return { url: settings.policyUrl };
  return undefined;
}
